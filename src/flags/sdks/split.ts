// Split (Harness FME): a treatment is a string variant ("on", "off", "control"). Server SDKs take the
// customer key first (`getTreatment(key, featureFlagName)`); client-side SDKs bind the key when the
// client is created (`getTreatment(featureFlagName)`), so the flag name's position depends on the
// entry point, and `getTreatment` is not distinctive by itself.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://developer.harness.io/docs/feature-management-experimentation/sdks-and-infrastructure/server-side-sdks/nodejs-sdk/";

/**
 * Client-side entry points (`SplitIO.IBrowserClient`): the flag name is the first argument. They are
 * listed before the server shapes because `@splitsoftware/splitio/client` also matches the server
 * entry `@splitsoftware/splitio` by prefix, and the first matching shape wins.
 */
const clientPackages = [
  "@splitsoftware/splitio/client",
  "@splitsoftware/splitio-browserjs",
  "@splitsoftware/splitio-react",
  "@splitsoftware/splitio-react-native",
];

/**
 * Server entry points (`SplitIO.IClient`, `SplitIO.IAsyncClient`): the customer key comes first. The
 * root `@splitsoftware/splitio` is isomorphic (its `SplitFactory` returns a browser client when the
 * settings carry `core.key`); it is read as the server SDK, which its README and Node docs show.
 */
const serverPackages = ["@splitsoftware/splitio"];

const reactPackages = ["@splitsoftware/splitio-react"];

/** `client.getTreatment(featureFlagName, attributes?)` and `getTreatmentWithConfig(…).treatment`. */
const clientTreatments: ReadShape[] = [
  { kind: "method", names: ["getTreatment"], key: 0, valueType: "variant", packages: clientPackages },
  {
    kind: "method",
    names: ["getTreatmentWithConfig"],
    key: 0,
    valueType: "variant",
    valueProperty: "treatment",
    packages: clientPackages,
  },
];

/** `client.getTreatment(key, featureFlagName, attributes?)` and `getTreatmentWithConfig(key, featureFlagName).treatment`. */
const serverTreatments: ReadShape[] = [
  { kind: "method", names: ["getTreatment"], key: 1, valueType: "variant", packages: serverPackages },
  {
    kind: "method",
    names: ["getTreatmentWithConfig"],
    key: 1,
    valueType: "variant",
    valueProperty: "treatment",
    packages: serverPackages,
  },
];

/**
 * `getTreatments(…, featureFlagNames)` and the flag-set variants return `SplitIO.Treatments`, an
 * object keyed by flag name; the `WithConfig` ones map each name to `{ treatment, config }`. The
 * properties read from the result are the flags read, on both server and client.
 */
const bulkTreatments: ReadShape[] = [
  {
    kind: "flag-map",
    names: ["getTreatments", "getTreatmentsByFlagSet", "getTreatmentsByFlagSets"],
    callee: "method",
  },
  {
    kind: "flag-map",
    names: ["getTreatmentsWithConfig", "getTreatmentsWithConfigByFlagSet", "getTreatmentsWithConfigByFlagSets"],
    callee: "method",
    valueMember: "treatment",
  },
];

/**
 * React: `useTreatment({ name }).treatment`, and the list hooks and `<SplitTreatments names>`, whose
 * keys are an array (not indexed until the engine reads array keys; they are reported as unresolved).
 * https://developer.harness.io/docs/feature-management-experimentation/sdks-and-infrastructure/client-side-sdks/react-sdk/
 */
const reactHooks: ReadShape[] = [
  {
    kind: "function",
    names: ["useTreatment", "useTreatmentWithConfig"],
    key: { index: 0, property: "name" },
    valueType: "variant",
    valueProperty: "treatment",
    packages: reactPackages,
  },
  {
    kind: "function",
    names: ["useTreatments", "useTreatmentsWithConfig", "useSplitTreatments"],
    key: { index: 0, property: "names" },
    packages: reactPackages,
  },
  { kind: "function", names: ["withSplitTreatments"], key: 0, packages: reactPackages },
  { kind: "jsx", names: ["SplitTreatments"], keyProp: "names", packages: reactPackages },
];

/** The Split preset. */
export const split: SdkPreset = {
  name: "split",
  docs,
  packages: [...clientPackages, ...serverPackages],
  reads: [...clientTreatments, ...serverTreatments, ...bulkTreatments, ...reactHooks],
};
