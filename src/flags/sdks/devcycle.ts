// DevCycle: flags are "variables" read with a default. Server SDKs take the user first
// (`variableValue(user, key, defaultValue)`); client SDKs hold the user (`variableValue(key, defaultValue)`).
// `@devcycle/openfeature-*` providers are read through the OpenFeature preset.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://docs.devcycle.com/sdk/server-side-sdks/node/";

/** `DevCycleClient` (local bucketing), `DevCycleCloudClient`, and the NestJS module that re-exports them. */
const serverPackages = ["@devcycle/nodejs-server-sdk", "@devcycle/js-cloud-server-sdk", "@devcycle/nestjs-server-sdk"];

/** Client SDKs (`DevCycleClient` of `@devcycle/js-client-sdk`), their React wrappers, and the pre-2023 names. */
const clientPackages = [
  "@devcycle/js-client-sdk",
  "@devcycle/react-client-sdk",
  "@devcycle/react-native-client-sdk",
  "@devcycle/react-native-expo-client-sdk",
  "@devcycle/nextjs-sdk",
  "@devcycle/devcycle-js-sdk",
  "@devcycle/devcycle-react-sdk",
];

/** Packages whose React hooks and components read variables. */
const reactPackages = [
  "@devcycle/react-client-sdk",
  "@devcycle/react-native-client-sdk",
  "@devcycle/react-native-expo-client-sdk",
  "@devcycle/nextjs-sdk",
  "@devcycle/devcycle-react-sdk",
];

/** Server: `client.variableValue(user, key, defaultValue)` and `client.variable(user, key, defaultValue).value`. */
const serverReads: ReadShape[] = [
  { kind: "method", names: ["variableValue"], key: 1, default: 2, packages: serverPackages },
  { kind: "method", names: ["variable"], key: 1, default: 2, valueProperty: "value", packages: serverPackages },
];

/**
 * Next.js App Router: `const { getVariableValue } = setupDevCycle({ … })` from
 * `@devcycle/nextjs-sdk/server`, then `await getVariableValue(key, defaultValue)`.
 * https://docs.devcycle.com/sdk/client-side-sdks/react/nextjs/app-router
 */
const nextServerReads: ReadShape[] = [
  { kind: "method", names: ["getVariableValue"], key: 0, default: 1, packages: ["@devcycle/nextjs-sdk"] },
];

/**
 * Client: `client.variableValue(key, defaultValue)` and `client.variable(key, defaultValue).value`.
 * https://docs.devcycle.com/sdk/client-side-sdks/javascript/
 */
const clientReads: ReadShape[] = [
  { kind: "method", names: ["variableValue"], key: 0, default: 1, packages: clientPackages },
  { kind: "method", names: ["variable"], key: 0, default: 1, valueProperty: "value", packages: clientPackages },
];

/**
 * React: `useVariableValue(key, defaultValue)`, `useVariable(key, defaultValue).value` (and the
 * deprecated `useDVCVariable`), `<RenderIfEnabled variableKey>` and `SwapComponents(Old, New, variableKey)`.
 * https://docs.devcycle.com/sdk/client-side-sdks/react/
 */
const reactReads: ReadShape[] = [
  { kind: "function", names: ["useVariableValue"], key: 0, default: 1, packages: reactPackages },
  { kind: "function", names: ["useVariable", "useDVCVariable"], key: 0, default: 1, valueProperty: "value", packages: reactPackages },
  { kind: "jsx", names: ["RenderIfEnabled"], keyProp: "variableKey", packages: reactPackages },
  { kind: "function", names: ["SwapComponents"], key: 2, packages: reactPackages },
];

/** NestJS parameter decorator `@VariableValue({ key, default })`. https://docs.devcycle.com/sdk/server-side-sdks/nestjs/ */
const nestDecorators: ReadShape[] = [
  {
    kind: "function",
    names: ["VariableValue"],
    key: { index: 0, property: "key" },
    default: { index: 0, property: "default" },
    packages: ["@devcycle/nestjs-server-sdk"],
  },
];

/** The DevCycle preset. */
export const devcycle: SdkPreset = {
  name: "devcycle",
  docs,
  packages: [...serverPackages, ...clientPackages],
  reads: [...serverReads, ...clientReads, ...nextServerReads, ...reactReads, ...nestDecorators],
};
