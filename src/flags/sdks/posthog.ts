// PostHog: the browser SDK (`posthog-js`), its React bindings (`@posthog/react`, also served as
// `posthog-js/react`), React Native and the Node SDK. The flag key comes first everywhere; the Node
// SDK takes the distinct id second.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://posthog.com/docs/libraries/js/features";

const browserPackages = ["posthog-js", "@posthog/react", "posthog-react-native"];

const nodePackages = ["posthog-node"];

const reactPackages = ["posthog-js/react", "@posthog/react"];

const reactNativePackages = ["posthog-react-native"];

/**
 * Browser and React Native: `posthog.isFeatureEnabled(key, { defaultValue? })`,
 * `posthog.getFeatureFlag(key)` (the variant, or a boolean), `getFeatureFlagPayload(key)` and
 * `getFeatureFlagResult(key)` (`.enabled`, `.variant`, `.payload`).
 * https://posthog.com/docs/libraries/js/features
 */
const browser: ReadShape[] = [
  {
    kind: "method",
    names: ["isFeatureEnabled"],
    key: 0,
    default: { index: 1, property: "defaultValue" },
    valueType: "boolean",
    packages: browserPackages,
    distinctive: true,
  },
  { kind: "method", names: ["getFeatureFlag"], key: 0, valueType: "variant", packages: browserPackages, distinctive: true },
  { kind: "method", names: ["getFeatureFlagPayload"], key: 0, valueType: "object", packages: browserPackages, distinctive: true },
  {
    kind: "method",
    names: ["getFeatureFlagResult"],
    key: 0,
    valueType: "boolean",
    valueProperty: "enabled",
    packages: browserPackages,
    distinctive: true,
  },
  // React Native: `posthog.getFeatureFlags()` returns every flag by key.
  { kind: "flag-map", names: ["getFeatureFlags"], callee: "method", packages: reactNativePackages },
];

/**
 * Node: `client.isFeatureEnabled(key, distinctId, options?)`, `getFeatureFlag(key, distinctId)`,
 * `getFeatureFlagPayload(key, distinctId, matchValue?)`, `getFeatureFlagResult(key, distinctId?)`,
 * all async, and `getAllFlags(distinctId)`, a map of every flag. https://posthog.com/docs/libraries/node
 */
const node: ReadShape[] = [
  { kind: "method", names: ["isFeatureEnabled"], key: 0, valueType: "boolean", packages: nodePackages, distinctive: true },
  { kind: "method", names: ["getFeatureFlag"], key: 0, valueType: "variant", packages: nodePackages, distinctive: true },
  { kind: "method", names: ["getFeatureFlagPayload"], key: 0, valueType: "object", packages: nodePackages, distinctive: true },
  {
    kind: "method",
    names: ["getFeatureFlagResult"],
    key: 0,
    valueType: "boolean",
    valueProperty: "enabled",
    packages: nodePackages,
    distinctive: true,
  },
  { kind: "flag-map", names: ["getAllFlags"], callee: "method", packages: nodePackages },
];

/**
 * React: `useFeatureFlagEnabled(key, defaultValue?)`, `useFeatureFlagVariantKey(key)`,
 * `useFeatureFlagPayload(key)`, `useFeatureFlagResult(key)` and `<PostHogFeature flag="key">`,
 * whose children render when the flag is on (or equals its `match` prop, which JSX shapes cannot
 * read). https://posthog.com/docs/libraries/react
 */
const react: ReadShape[] = [
  { kind: "function", names: ["useFeatureFlagEnabled"], key: 0, default: 1, valueType: "boolean", packages: reactPackages, distinctive: true },
  { kind: "function", names: ["useFeatureFlagVariantKey"], key: 0, valueType: "variant", packages: reactPackages, distinctive: true },
  { kind: "function", names: ["useFeatureFlagPayload"], key: 0, valueType: "object", packages: reactPackages, distinctive: true },
  { kind: "function", names: ["useFeatureFlagResult"], key: 0, valueType: "boolean", valueProperty: "enabled", packages: reactPackages },
  { kind: "jsx", names: ["PostHogFeature"], keyProp: "flag", packages: reactPackages },
];

/**
 * React Native hooks: `useFeatureFlag(key)` (the variant, or a boolean), `useFeatureFlagResult(key)`
 * and `useFeatureFlags()`, a map of every flag. https://posthog.com/docs/libraries/react-native
 */
const reactNative: ReadShape[] = [
  { kind: "function", names: ["useFeatureFlag"], key: 0, valueType: "variant", packages: reactNativePackages },
  { kind: "function", names: ["useFeatureFlagResult"], key: 0, valueType: "boolean", valueProperty: "enabled", packages: reactNativePackages },
  { kind: "flag-map", names: ["useFeatureFlags"], callee: "function", packages: reactNativePackages },
];

/** The PostHog preset. */
export const posthog: SdkPreset = {
  name: "posthog",
  docs,
  packages: [...browserPackages, ...nodePackages],
  reads: [...browser, ...node, ...react, ...reactNative],
};
