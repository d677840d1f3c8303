// ConfigCat: every read is `(key, defaultValue, …)`, on the client, on a config snapshot, and in the
// React hook. `getValue` is a generic name, so every shape needs the receiver traced to the SDK.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://configcat.com/docs/sdk-reference/js/overview/";

const packages = [
  "@configcat/sdk",
  "configcat-node",
  "configcat-js",
  "configcat-js-ssr",
  "configcat-common",
  "configcat-react",
];

/**
 * `IConfigCatClient.getValueAsync(key, defaultValue, user?)`, the older callback form
 * `getValue(key, defaultValue, callback, user?)`, and `client.snapshot().getValue(key, defaultValue, user?)`.
 * https://configcat.com/docs/sdk-reference/js/overview/#anatomy-of-getvalueasync
 */
const values: ReadShape[] = [{ kind: "method", names: ["getValueAsync", "getValue"], key: 0, default: 1 }];

/** `getValueDetailsAsync(key, defaultValue, user?)` and the snapshot's `getValueDetails`: the value is `.value`. */
const details: ReadShape[] = [
  { kind: "method", names: ["getValueDetailsAsync", "getValueDetails"], key: 0, default: 1, valueProperty: "value" },
];

/**
 * React: `const { value, loading } = useFeatureFlag(key, defaultValue, user?)`; `<ConfigCatProvider>`
 * only configures the client. https://configcat.com/docs/sdk-reference/react/
 */
const reactHooks: ReadShape[] = [
  { kind: "function", names: ["useFeatureFlag"], key: 0, default: 1, valueProperty: "value", packages: ["configcat-react"] },
];

/** The ConfigCat preset. */
export const configcat: SdkPreset = {
  name: "configcat",
  docs,
  packages,
  reads: [...values, ...details, ...reactHooks],
};
