// Flagsmith: the client SDK reads one flag at a time (`flagsmith.hasFeature(key)`), its React hook
// returns a map of the flags it lists, and the Node SDK returns a `Flags` object per environment or
// identity that is then asked for each flag (`flags.isFeatureEnabled(key)`).
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://docs.flagsmith.com/clients/javascript";

/** The browser / React Native client and its subpaths (`flagsmith/react`, `flagsmith/isomorphic`). */
const clientPackages = ["flagsmith", "flagsmith-es", "react-native-flagsmith"];

/** The Node SDK: published as `flagsmith-nodejs`; its repository now names it `@flagsmith/nodejs`. */
const serverPackages = ["flagsmith-nodejs", "@flagsmith/nodejs"];

/**
 * `flagsmith.hasFeature(key, { fallback })` and `flagsmith.getValue(key, { fallback, json })`; the
 * Node SDK's 1.x client had the same names with an identity as second argument.
 * https://docs.flagsmith.com/clients/javascript
 */
const clientReads: ReadShape[] = [
  { kind: "method", names: ["hasFeature"], key: 0, default: { index: 1, property: "fallback" }, valueType: "boolean" },
  { kind: "method", names: ["getValue"], key: 0, default: { index: 1, property: "fallback" } },
];

/**
 * Every flag by key, as `IFlagsmithFeature` (`{ enabled, value }`): `flagsmith.getAllFlags()` and the
 * React hook `useFlags(["font_size"], ["trait"])`. https://docs.flagsmith.com/clients/react
 */
const flagMaps: ReadShape[] = [
  { kind: "flag-map", names: ["getAllFlags"], callee: "method", valueMember: "enabled", packages: clientPackages },
  { kind: "flag-map", names: ["useFlags"], callee: "function", valueMember: "enabled", packages: clientPackages },
];

/**
 * Node: `const flags = await flagsmith.getEnvironmentFlags()` (or `getIdentityFlags(id, traits)`),
 * then `flags.isFeatureEnabled(name)`, `flags.getFeatureValue(name)`, `flags.getFlag(name).enabled`.
 * https://docs.flagsmith.com/clients/server-side
 */
const serverReads: ReadShape[] = [
  { kind: "method", names: ["isFeatureEnabled"], key: 0, valueType: "boolean", packages: serverPackages },
  { kind: "method", names: ["getFeatureValue"], key: 0, packages: serverPackages },
  { kind: "method", names: ["getFlag"], key: 0, valueProperty: "enabled", valueType: "boolean", packages: serverPackages },
];

/** The Flagsmith preset. */
export const flagsmith: SdkPreset = {
  name: "flagsmith",
  docs,
  packages: [...clientPackages, ...serverPackages],
  reads: [...clientReads, ...flagMaps, ...serverReads],
};
