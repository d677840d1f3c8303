// Statsig: server SDKs take the user first (`checkGate(user, gateName)`), client SDKs hold the user
// and take the name first (`checkGate(gateName)`). Every shape names its packages so that the two
// argument orders never mix.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://docs.statsig.com/server-core/node-core";

const serverPackages = ["statsig-node", "@statsig/statsig-node-core"];

/** The current client SDK and the bindings that re-export it. */
const clientPackages = [
  "@statsig/js-client",
  "@statsig/react-bindings",
  "@statsig/react-native-bindings",
  "@statsig/expo-bindings",
  "@statsig/js-on-device-eval-client",
  "@statsig/react-bindings-on-device-eval",
];

/** The legacy client SDK (`Statsig.checkGate(name)` on a static class) and its React bindings. */
const legacyClientPackages = ["statsig-js", "statsig-react"];

const reactPackages = [
  "@statsig/react-bindings",
  "@statsig/react-native-bindings",
  "@statsig/expo-bindings",
  "@statsig/react-bindings-on-device-eval",
];

const legacyReactPackages = ["statsig-react"];

/**
 * The gate, config, experiment and layer reads of a client or server SDK, with the name at
 * `key`. `checkGate` and `getFeatureGate` are used by Statsig alone.
 */
function evaluations(key: number, packages: readonly string[]): ReadShape[] {
  return [
    {
      kind: "method",
      names: ["checkGate", "checkGateSync", "checkGateWithExposureLoggingDisabled", "checkGateWithExposureLoggingDisabledSync"],
      key,
      valueType: "boolean",
      packages,
      distinctive: true,
    },
    {
      kind: "method",
      names: ["getFeatureGate", "getFeatureGateSync", "getFeatureGateWithExposureLoggingDisabled"],
      key,
      valueType: "boolean",
      valueProperty: "value",
      packages,
      distinctive: true,
    },
    {
      kind: "method",
      names: [
        "getConfig",
        "getConfigSync",
        "getConfigWithExposureLoggingDisabled",
        "getDynamicConfig",
        "getExperiment",
        "getExperimentSync",
        "getExperimentWithExposureLoggingDisabled",
        "getLayer",
        "getLayerSync",
        "getLayerWithExposureLoggingDisabled",
      ],
      key,
      valueType: "object",
      packages,
    },
  ];
}

/**
 * React hooks of `@statsig/react-bindings`: `useGateValue(name)`, `useFeatureGate(name).value`,
 * `useDynamicConfig(name)`, `useExperiment(name)`, `useLayer(name)`.
 * https://docs.statsig.com/client/javascript-sdk/react/
 */
const reactHooks: ReadShape[] = [
  { kind: "function", names: ["useGateValue"], key: 0, valueType: "boolean", packages: reactPackages, distinctive: true },
  { kind: "function", names: ["useFeatureGate"], key: 0, valueType: "boolean", valueProperty: "value", packages: reactPackages },
  { kind: "function", names: ["useDynamicConfig", "useExperiment", "useLayer"], key: 0, valueType: "object", packages: reactPackages },
];

/**
 * Legacy `statsig-react` hooks return results: `useGate(name).value`,
 * `useFeatureGate(name).gate.value`, `useConfig(name).config`, `useExperiment(name).config`,
 * `useLayer(name).layer`. https://github.com/statsig-io/react-sdk/blob/main/src/StatsigHooks.ts
 */
const legacyReactHooks: ReadShape[] = [
  {
    kind: "function",
    names: ["useGate", "useGateWithExposureLoggingDisabled"],
    key: 0,
    valueType: "boolean",
    valueProperty: "value",
    packages: legacyReactPackages,
  },
  { kind: "function", names: ["useFeatureGate"], key: 0, valueType: "boolean", valueProperty: "gate", packages: legacyReactPackages },
  {
    kind: "function",
    names: [
      "useConfig",
      "useConfigWithExposureLoggingDisabled",
      "useExperiment",
      "useExperimentWithExposureLoggingDisabled",
      "useLayer",
      "useLayerWithExposureLoggingDisabled",
    ],
    key: 0,
    valueType: "object",
    packages: legacyReactPackages,
  },
];

/** The Statsig preset. */
export const statsig: SdkPreset = {
  name: "statsig",
  docs,
  packages: [...serverPackages, ...clientPackages, ...legacyClientPackages],
  reads: [
    // Server: `statsig.checkGate(user, gateName, options?)`; https://docs.statsig.com/server-core/node-core
    // and https://docs.statsig.com/server/nodejsServerSDK. Listed first because, on a receiver that
    // cannot be traced, the first distinctive shape wins: a client call then has no argument 1 and
    // is reported unresolved, whereas the client form would read a server call's `user` as the key
    // (and turn a function taking `user` into a wrapper).
    ...evaluations(1, serverPackages),
    // Client: `client.checkGate(gateName, options?)`; https://docs.statsig.com/client/javascript-sdk
    ...evaluations(0, [...clientPackages, ...legacyClientPackages]),
    ...reactHooks,
    ...legacyReactHooks,
  ],
};
