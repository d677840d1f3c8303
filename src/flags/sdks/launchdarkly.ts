// LaunchDarkly: server SDKs (key, context, default), client SDKs (key, default) and React hooks.
import type { FlagValueType, ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://launchdarkly.com/docs/sdk/features/evaluating";

const serverPackages = [
  "@launchdarkly/node-server-sdk",
  "@launchdarkly/js-server-sdk-common",
  "@launchdarkly/cloudflare-server-sdk",
  "@launchdarkly/vercel-server-sdk",
  "@launchdarkly/akamai-server-edge-sdk",
  "@launchdarkly/server-sdk-ai",
  "launchdarkly-node-server-sdk",
];

const clientPackages = [
  "@launchdarkly/js-client-sdk",
  "@launchdarkly/js-client-sdk-common",
  "@launchdarkly/react-native-client-sdk",
  "@launchdarkly/react-universal-sdk",
  "launchdarkly-js-client-sdk",
  "launchdarkly-react-client-sdk",
  "launchdarkly-node-client-sdk",
  "launchdarkly-electron-client-sdk",
];

const typedVariations = ["boolVariation", "stringVariation", "numberVariation", "jsonVariation"];
const typedDetails = typedVariations.map((name) => `${name}Detail`);

function valueTypeOf(name: string): FlagValueType {
  if (name.startsWith("bool")) return "boolean";
  if (name.startsWith("string")) return "string";
  if (name.startsWith("number")) return "number";
  return "object";
}

function typed(names: readonly string[], defaultIndex: number, packages: readonly string[]): ReadShape[] {
  return names.map((name) => ({
    kind: "method",
    names: [name],
    key: 0,
    default: defaultIndex,
    valueType: valueTypeOf(name),
    packages,
    distinctive: true,
    ...(name.endsWith("Detail") ? { valueProperty: "value" } : {}),
  }));
}

/** The LaunchDarkly preset. */
export const launchdarkly: SdkPreset = {
  name: "launchdarkly",
  docs,
  packages: [...serverPackages, ...clientPackages],
  reads: [
    // Server: `client.variation(key, context, defaultValue)`; https://launchdarkly.com/docs/sdk/server-side/node-js
    { kind: "method", names: ["variation"], key: 0, default: 2, packages: serverPackages },
    { kind: "method", names: ["variationDetail"], key: 0, default: 2, packages: serverPackages, valueProperty: "value", distinctive: true },
    ...typed([...typedVariations, ...typedDetails], 2, serverPackages),
    // Client: `client.variation(key, defaultValue)`; https://launchdarkly.com/docs/sdk/client-side/javascript
    { kind: "method", names: ["variation"], key: 0, default: 1, packages: clientPackages },
    { kind: "method", names: ["variationDetail"], key: 0, default: 1, packages: clientPackages, valueProperty: "value", distinctive: true },
    ...typed([...typedVariations, ...typedDetails], 1, clientPackages),
    // React: `const { newCheckout } = useFlags()` with camelCased keys; https://launchdarkly.com/docs/sdk/client-side/react/react-web
    { kind: "flag-map", names: ["useFlags"], callee: "function", keyCase: "camel", packages: clientPackages },
    // `client.allFlags()` returns every flag by its original key.
    { kind: "flag-map", names: ["allFlags"], callee: "method", packages: clientPackages },
  ],
};
