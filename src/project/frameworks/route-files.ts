// Route modules found by file-system routing conventions, shared by the Remix and React Router
// presets: Remix v2 / `@react-router/fs-routes` flat routes, `remix-flat-routes` (folders ending in
// `+`), `react-router-auto-routes` (every file, `+` colocation and ignored globs aside), and the
// explicit modules of an `app/routes.ts`.
import path from "node:path";
import picomatch from "picomatch";
import { stringArrayValue, stringValue } from "./config-values.js";
import { resolveFileReference, stringLiterals } from "./file-reference.js";

/** The extensions a route module may have. */
const routeExtension = /\.(?:tsx?|jsx?|mdx?)$/;

/** How the route folder is read. */
type Convention = "flat" | "remix-flat-routes" | "auto-routes" | "nested";

/**
 * Route modules under `routesDirectory` (relative to the package), by `convention`; `ignored`
 * globs are relative to the routes folder (`ignoredRouteFiles`).
 */
export function conventionRouteFiles(
  files: readonly string[],
  routesDirectory: string,
  convention: Convention,
  ignored: readonly string[] = [],
): string[] {
  const prefix = `${routesDirectory}/`;
  const isIgnored = ignored.length > 0 ? picomatch([...ignored], { dot: true }) : () => false;
  return files.filter((file) => {
    if (!file.startsWith(prefix) || !routeExtension.test(file)) return false;
    const inside = file.slice(prefix.length);
    if (isIgnored(inside) || isIgnored(path.posix.basename(inside))) return false;
    const parts = inside.split("/");
    const name = parts.at(-1) ?? "";
    const stem = name.replace(routeExtension, "");
    switch (convention) {
      case "nested":
        return true;
      case "flat":
        // `routes/about.tsx`, and a folder's `route.tsx` (or `index.tsx`): `routes/app._index/route.tsx`.
        return parts.length === 1 || (parts.length === 2 && (stem === "route" || stem === "index"));
      case "remix-flat-routes":
        // remix-flat-routes' default routeRegex: a file right inside a `+` folder, or a route folder's
        // index/route/layout/page, an `_`-prefixed file, or `*.route.tsx`.
        return (
          parts.length === 1 ||
          (parts.at(-2) ?? "").endsWith("+") ||
          ["index", "route", "layout", "page"].includes(stem) ||
          stem.startsWith("_") ||
          stem.endsWith(".route")
        );
      case "auto-routes":
        // Every file is a route but colocated ones: a `+`-prefixed file or folder.
        return !parts.some((part) => part.startsWith("+"));
    }
  });
}

/**
 * The route modules an `app/routes.ts` declares: each string naming a module of the app folder
 * (`route("about", "routes/about.tsx")`, `index("./home.tsx")`), plus the route folder of a
 * file-system routing call it makes (`flatRoutes()`, remix-flat-routes, `autoRoutes()`).
 */
export function routeConfigFiles(text: string, appDirectory: string, files: readonly string[]): string[] {
  const fileSet = new Set(files);
  const found = new Set<string>();
  for (const literal of stringLiterals(text)) {
    if (!routeExtension.test(literal) && !literal.startsWith("./") && !literal.startsWith("routes/")) continue;
    const file = resolveFileReference(literal, appDirectory, fileSet);
    if (file !== undefined) found.add(file);
  }
  const ignored = stringArrayValue(text, "ignoredRouteFiles") ?? [];
  const under = (folder: string): string => path.posix.join(appDirectory, folder);
  if (/from\s+["']remix-flat-routes["']/.test(text)) {
    const folder = /flatRoutes\(\s*["']([^"']+)["']/.exec(text)?.[1] ?? "routes";
    for (const file of conventionRouteFiles(files, under(folder), "remix-flat-routes", ignored)) found.add(file);
  } else if (/from\s+["']react-router-auto-routes["']/.test(text)) {
    const folder = stringValue(text, "routesDir") ?? "routes";
    for (const file of conventionRouteFiles(files, under(folder), "auto-routes", ignored)) found.add(file);
  } else if (/\bflatRoutes\s*\(/.test(text)) {
    const folder = stringValue(text, "rootDirectory") ?? "routes";
    for (const file of conventionRouteFiles(files, under(folder), "flat", ignored)) found.add(file);
  }
  return [...found];
}
