// Unleash: the Node server SDK, the browser (frontend API / proxy) client, its React bindings and
// the Next.js SDK. `isEnabled` and `getVariant` are generic names (`logger.isEnabled`), so every
// read needs its receiver traced to one of these packages.
import type { ReadShape, SdkPreset } from "../sdk-preset.js";

const docs = "https://docs.getunleash.io/sdks/node";

const serverPackages = ["unleash-client"];

const browserPackages = ["unleash-proxy-client", "@unleash/proxy-client-react", "@unleash/nextjs"];

const reactPackages = ["@unleash/proxy-client-react", "@unleash/nextjs"];

/**
 * Server: `unleash.isEnabled(name, context?, fallback?)`, where `fallback` is a boolean or a
 * function, and `getVariant(name, context?, fallbackVariant?)`; the same on the module after
 * `initialize()`. https://docs.getunleash.io/sdks/node and
 * https://github.com/Unleash/unleash-node-sdk/blob/main/src/index.ts
 */
const server: ReadShape[] = [
  { kind: "method", names: ["isEnabled"], key: 0, default: 2, valueType: "boolean", packages: serverPackages },
  // A variant's value is its name (`variant.name === "blue"`); the fallback variant is an object.
  { kind: "method", names: ["getVariant", "forceGetVariant"], key: 0, valueType: "variant", valueProperty: "name", packages: serverPackages },
  { kind: "function", names: ["isEnabled"], key: 0, default: 2, valueType: "boolean", packages: serverPackages },
  { kind: "function", names: ["getVariant", "forceGetVariant"], key: 0, valueType: "variant", valueProperty: "name", packages: serverPackages },
];

/**
 * Browser: `client.isEnabled(name)` and `client.getVariant(name)` on an `UnleashClient` (also
 * returned by `useUnleashClient()` and Next.js's `flagsClient(toggles)`).
 * https://github.com/Unleash/unleash-proxy-client-js#readme
 */
const browser: ReadShape[] = [
  { kind: "method", names: ["isEnabled"], key: 0, valueType: "boolean", packages: browserPackages },
  { kind: "method", names: ["getVariant"], key: 0, valueType: "variant", valueProperty: "name", packages: browserPackages },
];

/** React: `useFlag(name)` and `useVariant(name)`. https://docs.getunleash.io/reference/sdks/react */
const reactHooks: ReadShape[] = [
  { kind: "function", names: ["useFlag"], key: 0, valueType: "boolean", packages: reactPackages },
  { kind: "function", names: ["useVariant"], key: 0, valueType: "variant", valueProperty: "name", packages: reactPackages },
];

/**
 * Next.js App Router: `const { enabled } = await flag(name, context?, options?)`.
 * https://github.com/Unleash/unleash-nextjs-sdk#readme
 */
const nextjs: ReadShape[] = [
  { kind: "function", names: ["flag"], key: 0, valueType: "boolean", valueProperty: "enabled", packages: ["@unleash/nextjs"] },
];

/** The Unleash preset. */
export const unleash: SdkPreset = {
  name: "unleash",
  docs,
  packages: [...serverPackages, ...browserPackages],
  reads: [...server, ...browser, ...reactHooks, ...nextjs],
};
