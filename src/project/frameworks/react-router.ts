// React Router 7 in framework mode: `root`, `entry.client`, `entry.server`, `routes.ts` and every
// route module it declares (explicit `route()`/`index()`/`layout()` files, and the folder of a
// `flatRoutes()`, remix-flat-routes or `autoRoutes()` call). `appDirectory` comes from
// react-router.config when written as a literal.
// https://reactrouter.com/start/framework/routing
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { configFileNames, readFirstConfig, stringValue } from "./config-values.js";
import { matchFiles, sourceExtensionGlob } from "./match-files.js";
import { routeConfigFiles } from "./route-files.js";

/** The React Router preset. */
export const reactRouter: FrameworkPreset = {
  name: "react-router",
  docs: "https://reactrouter.com/start/framework/routing",
  dependencies: ["@react-router/dev"],
  entries: reactRouterEntries,
};

function reactRouterEntries(context: PresetContext): PresetEntries {
  const config = readFirstConfig(context.listed, configFileNames(["react-router.config"]), context.readText);
  const app = (config && stringValue(config.text, "appDirectory"))?.replace(/^\.\//, "").replace(/\/$/, "") ?? "app";
  const production = matchFiles(context.files, [`${app}/{root,entry.client,entry.server,routes}.${sourceExtensionGlob}`]);
  const routesFile = production.find((file) => /\/routes\.[cm]?[jt]sx?$/.test(`/${file}`));
  const text = routesFile === undefined ? undefined : context.readText(routesFile);
  if (text !== undefined) production.push(...routeConfigFiles(text, app, context.files));
  return { production, tests: [] };
}
