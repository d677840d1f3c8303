// Remix (v2, classic compiler or Vite): `root`, `entry.client`, `entry.server` and the route modules
// of `app/routes` by the flat-routes convention, or remix-flat-routes' `+` folders, or every file with
// the v1 convention. `appDirectory` is read from remix.config or vite.config when written as a literal.
// https://remix.run/docs/en/main/file-conventions/routes
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configFileNames, readFirstConfig, stringValue } from "./config-values.js";
import { matchFiles, sourceExtensionGlob } from "./match-files.js";
import { conventionRouteFiles } from "./route-files.js";

/** The Remix preset. */
export const remix: FrameworkPreset = {
  name: "remix",
  docs: "https://remix.run/docs/en/main/file-conventions/routes",
  dependencies: ["@remix-run/dev", "@remix-run/react", "@remix-run/node", "@remix-run/serve", "@remix-run/cloudflare"],
  entries: remixEntries,
};

function remixEntries(context: PresetContext): PresetEntries {
  const config = readFirstConfig(context.listed, configFileNames(["remix.config", "vite.config"]), context.readText);
  const app = (config && stringValue(config.text, "appDirectory"))?.replace(/^\.\//, "").replace(/\/$/, "") ?? "app";
  const { dependencies } = context;
  const convention = dependencies.has("remix-flat-routes")
    ? "remix-flat-routes"
    : dependencies.has("@remix-run/v1-route-convention")
      ? "nested"
      : "flat";
  const production = [
    ...matchFiles(context.files, [`${app}/{root,entry.client,entry.server}.${sourceExtensionGlob}`]),
    ...conventionRouteFiles(context.files, `${app}/routes`, convention),
  ];
  return { production, tests: [] };
}

