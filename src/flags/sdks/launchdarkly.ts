// LaunchDarkly: server SDKs (key, context, default), client SDKs (key, default) and React hooks.
import type { FlagValueType, ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://launchdarkly.com/docs/sdk/features/evaluating";

/** Server SDKs (`LDClient` of `@launchdarkly/js-server-sdk-common`): `variation(key, context, defaultValue)`. */
const serverPackages = [
  "@launchdarkly/node-server-sdk",
  "@launchdarkly/js-server-sdk-common",
  "@launchdarkly/js-server-sdk-common-edge",
  "@launchdarkly/cloudflare-server-sdk",
  "@launchdarkly/vercel-server-sdk",
  "@launchdarkly/akamai-server-base-sdk",
  "@launchdarkly/akamai-server-edgekv-sdk",
  "@launchdarkly/fastly-server-sdk",
  "@launchdarkly/shopify-oxygen-sdk",
  "@launchdarkly/server-sdk-ai",
  "launchdarkly-node-server-sdk",
];

/**
 * Client SDKs (`LDClient` of `@launchdarkly/js-client-sdk-common`): `variation(key, defaultValue)`.
 * `@launchdarkly/react-sdk/server` is covered too: its per-request session reads `(key, defaultValue)`.
 */
const clientPackages = [
  "@launchdarkly/js-client-sdk",
  "@launchdarkly/js-client-sdk-common",
  "@launchdarkly/browser",
  "@launchdarkly/react-sdk",
  "@launchdarkly/react-native-client-sdk",
  "@launchdarkly/react-universal-sdk",
  "@launchdarkly/node-client-sdk",
  "@launchdarkly/electron-client-sdk",
  "launchdarkly-js-client-sdk",
  "launchdarkly-react-client-sdk",
  "launchdarkly-react-native-client-sdk",
  "launchdarkly-node-client-sdk",
  "launchdarkly-electron-client-sdk",
];

/** React hooks that take `(key, defaultValue)`: the new React SDK and the React Native SDK. */
const hookPackages = ["@launchdarkly/react-sdk", "@launchdarkly/react-native-client-sdk"];

const typedVariations = ["boolVariation", "stringVariation", "numberVariation", "jsonVariation"];
const typedDetails = typedVariations.map((name) => `${name}Detail`);
const typedHooks = ["useBoolVariation", "useStringVariation", "useNumberVariation", "useJsonVariation"];
const typedDetailHooks = typedHooks.map((name) => `${name}Detail`);

function valueTypeOf(name: string): FlagValueType {
  const base = name.replace(/^use/, "").toLowerCase();
  if (base.startsWith("bool")) return "boolean";
  if (base.startsWith("string")) return "string";
  if (base.startsWith("number")) return "number";
  return "object";
}

function typed(kind: "method" | "function", names: readonly string[], defaultIndex: number, packages: readonly string[]): ReadShape[] {
  return names.map((name) => ({
    kind,
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
    // Client: `client.variation(key, defaultValue)`; https://launchdarkly.com/docs/sdk/client-side/javascript
    // Listed before the server shapes: for an untraced receiver, the engine keeps the first distinctive
    // shape even when the call has too few arguments for its default, so the shorter form goes first.
    { kind: "method", names: ["variation"], key: 0, default: 1, packages: clientPackages },
    { kind: "method", names: ["variationDetail"], key: 0, default: 1, packages: clientPackages, valueProperty: "value", distinctive: true },
    ...typed("method", [...typedVariations, ...typedDetails], 1, clientPackages),
    // Server: `client.variation(key, context, defaultValue)`; https://launchdarkly.com/docs/sdk/server-side/node-js
    { kind: "method", names: ["variation"], key: 0, default: 2, packages: serverPackages },
    { kind: "method", names: ["variationDetail"], key: 0, default: 2, packages: serverPackages, valueProperty: "value", distinctive: true },
    ...typed("method", [...typedVariations, ...typedDetails], 2, serverPackages),
    // React: `const { newCheckout } = useFlags()` with camelCased keys; https://launchdarkly.com/docs/sdk/client-side/react/react-web
    { kind: "flag-map", names: ["useFlags"], callee: "function", keyCase: "camel", packages: clientPackages },
    // `client.allFlags()` returns every flag by its original key.
    { kind: "flag-map", names: ["allFlags"], callee: "method", packages: clientPackages },
    // Hooks `useBoolVariation(key, defaultValue)` and `use…VariationDetail(key, defaultValue).value`;
    // https://launchdarkly.com/docs/sdk/client-side/react-native
    ...typed("function", [...typedHooks, ...typedDetailHooks], 1, hookPackages),
    { kind: "function", names: ["useTypedVariation"], key: 0, default: 1, packages: ["@launchdarkly/react-native-client-sdk"] },
    {
      kind: "function",
      names: ["useTypedVariationDetail"],
      key: 0,
      default: 1,
      valueProperty: "value",
      packages: ["@launchdarkly/react-native-client-sdk"],
    },
  ],
};
