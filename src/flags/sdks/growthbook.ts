// GrowthBook: the JavaScript SDK (browser and Node, single- and multi-user) and its React bindings.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://docs.growthbook.io/lib/js";

const packages = ["@growthbook/growthbook", "@growthbook/growthbook-react"];

const reactPackages = ["@growthbook/growthbook-react"];

/**
 * `gb.isOn(key)`, `gb.getFeatureValue(key, defaultValue)` and `gb.evalFeature(key)` (whose `.on`
 * says whether the feature is on) on a `GrowthBook`, a `GrowthBookClient` (which takes the user
 * context after the default) or a `UserScopedGrowthBook`. https://docs.growthbook.io/lib/js
 *
 * `gb.isOff(key)` is true when the feature is OFF: it reads the flag with inverted meaning, so its
 * guards are inverted (`if (gb.isOff(k)) A` puts A on the off side, with negative polarity).
 */
const methods: ReadShape[] = [
  { kind: "method", names: ["isOn"], key: 0, valueType: "boolean" },
  { kind: "method", names: ["isOff"], key: 0, valueType: "boolean", inverted: true },
  { kind: "method", names: ["getFeatureValue"], key: 0, default: 1, distinctive: true },
  // `feature(key)` is the deprecated name of `evalFeature(key)`.
  { kind: "method", names: ["evalFeature"], key: 0, valueProperty: "on", distinctive: true },
  { kind: "method", names: ["feature"], key: 0, valueProperty: "on" },
];

/**
 * React hooks: `useFeatureIsOn(key)`, `useFeatureValue(key, fallback)` and `useFeature(key)` (a
 * `FeatureResult`: `.on`, `.value`). https://docs.growthbook.io/lib/react
 */
const reactHooks: ReadShape[] = [
  { kind: "function", names: ["useFeatureIsOn"], key: 0, valueType: "boolean", packages: reactPackages, distinctive: true },
  { kind: "function", names: ["useFeatureValue"], key: 0, default: 1, packages: reactPackages },
  { kind: "function", names: ["useFeature"], key: 0, valueProperty: "on", packages: reactPackages },
];

/**
 * React components: `<IfFeatureEnabled feature="key">` renders its children only when the feature
 * is on; `<FeatureString feature="key" default="…" />` renders the feature's string value (its
 * `default` prop is not read: JSX shapes have no default position).
 */
const reactComponents: ReadShape[] = [
  { kind: "jsx", names: ["IfFeatureEnabled", "FeatureString"], keyProp: "feature", packages: reactPackages },
];

/** The GrowthBook preset. */
export const growthbook: SdkPreset = {
  name: "growthbook",
  docs,
  packages,
  reads: [...methods, ...reactHooks, ...reactComponents],
};
