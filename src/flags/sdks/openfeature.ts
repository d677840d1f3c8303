// OpenFeature: the vendor-neutral flag API, for servers, browsers, React and NestJS.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://openfeature.dev/docs/reference/technologies/server/javascript";

const packages = [
  "@openfeature/server-sdk",
  "@openfeature/web-sdk",
  "@openfeature/react-sdk",
  "@openfeature/angular-sdk",
  "@openfeature/nestjs-sdk",
  "@openfeature/js-sdk",
  "@openfeature/core",
];

/** `client.getBooleanValue(flagKey, defaultValue, context?, options?)` and its typed siblings. */
const clientValues: ReadShape[] = [
  { kind: "method", names: ["getBooleanValue"], key: 0, default: 1, valueType: "boolean", distinctive: true },
  { kind: "method", names: ["getStringValue"], key: 0, default: 1, valueType: "string", distinctive: true },
  { kind: "method", names: ["getNumberValue"], key: 0, default: 1, valueType: "number", distinctive: true },
  { kind: "method", names: ["getObjectValue"], key: 0, default: 1, valueType: "object", distinctive: true },
];

/** `client.getBooleanDetails(flagKey, defaultValue)` returns evaluation details; the value is `.value`. */
const clientDetails: ReadShape[] = [
  { kind: "method", names: ["getBooleanDetails"], key: 0, default: 1, valueType: "boolean", valueProperty: "value", distinctive: true },
  { kind: "method", names: ["getStringDetails"], key: 0, default: 1, valueType: "string", valueProperty: "value", distinctive: true },
  { kind: "method", names: ["getNumberDetails"], key: 0, default: 1, valueType: "number", valueProperty: "value", distinctive: true },
  { kind: "method", names: ["getObjectDetails"], key: 0, default: 1, valueType: "object", valueProperty: "value", distinctive: true },
];

/** React hooks: https://openfeature.dev/docs/reference/technologies/client/web/react */
const reactHooks: ReadShape[] = [
  { kind: "function", names: ["useBooleanFlagValue"], key: 0, default: 1, valueType: "boolean", distinctive: true },
  { kind: "function", names: ["useStringFlagValue"], key: 0, default: 1, valueType: "string", distinctive: true },
  { kind: "function", names: ["useNumberFlagValue"], key: 0, default: 1, valueType: "number", distinctive: true },
  { kind: "function", names: ["useObjectFlagValue"], key: 0, default: 1, valueType: "object", distinctive: true },
  { kind: "function", names: ["useBooleanFlagDetails"], key: 0, default: 1, valueType: "boolean", valueProperty: "value", distinctive: true },
  { kind: "function", names: ["useStringFlagDetails"], key: 0, default: 1, valueType: "string", valueProperty: "value", distinctive: true },
  { kind: "function", names: ["useNumberFlagDetails"], key: 0, default: 1, valueType: "number", valueProperty: "value", distinctive: true },
  { kind: "function", names: ["useObjectFlagDetails"], key: 0, default: 1, valueType: "object", valueProperty: "value", distinctive: true },
  // `useFlag(key, default)` returns a FlagQuery whose `.value` is the flag's value.
  { kind: "function", names: ["useFlag", "useSuspenseFlag"], key: 0, default: 1, valueProperty: "value" },
];

/** `<FeatureFlag flagKey="x" defaultValue={false}>`: the children render when the flag is on (or equals `matchValue`). */
const reactComponents: ReadShape[] = [
  { kind: "jsx", names: ["FeatureFlag"], keyProp: "flagKey", packages: ["@openfeature/react-sdk"] },
];

/** NestJS parameter decorators: `@BooleanFeatureFlag({ flagKey, defaultValue })`. */
const nestDecorators: ReadShape[] = [
  {
    kind: "function",
    names: ["BooleanFeatureFlag", "StringFeatureFlag", "NumberFeatureFlag", "ObjectFeatureFlag"],
    key: { index: 0, property: "flagKey" },
    default: { index: 0, property: "defaultValue" },
    packages: ["@openfeature/nestjs-sdk"],
  },
];

/** The OpenFeature preset. */
export const openfeature: SdkPreset = {
  name: "openfeature",
  docs,
  packages,
  reads: [...clientValues, ...clientDetails, ...reactHooks, ...reactComponents, ...nestDecorators],
};
