// React Email: the preview server (`email dev`, also `email build` and `email export`) renders every
// template under its folder (`emails/` by default, `--dir` otherwise), subfolders included except
// `static/` and those starting with `_`. A template is a `.tsx`, `.jsx` or `.js` file with a default
// export, which the server renders; the app imports the same files by their named exports. The
// preview server is a development tool, so templates are test entries, as Storybook stories are: a
// default export only the preview renders is not reported, and code only templates use is reported
// as used only by tests.
// https://react.email/docs/cli
import type { FrameworkPreset, PresetContext, PresetEntries } from "./framework-preset.js";
import { isRecord } from "../project-package.js";
import { commandWords } from "./shell-words.js";

/** The React Email preset. */
export const reactEmail: FrameworkPreset = {
  name: "react-email",
  docs: "https://react.email/docs/cli",
  dependencies: ["react-email", "@react-email/preview-server"],
  entries: reactEmailEntries,
};

function reactEmailEntries(context: PresetContext): PresetEntries {
  const folders = templateFolders(context.manifest);
  const tests = context.files.filter((file) => {
    const folder = folders.find((dir) => file.startsWith(`${dir}/`));
    if (folder === undefined || !/\.(tsx|jsx|js)$/.test(file)) return false;
    const inner = file.slice(folder.length + 1).split("/").slice(0, -1);
    if (inner.some((part) => part.startsWith("_") || part === "static")) return false;
    return hasDefaultExport(context.readText(file) ?? "");
  });
  return { production: [], tests };
}

/** The folders the package's `email` commands preview (`--dir`, `-d`), or `emails`. */
function templateFolders(manifest: Record<string, unknown>): string[] {
  const folders = new Set<string>();
  const scripts = manifest["scripts"];
  if (isRecord(scripts)) {
    for (const command of Object.values(scripts)) {
      if (typeof command !== "string") continue;
      for (const words of commandWords(command)) {
        const at = words.findIndex((word, i) => word.replace(/^.*\//, "") === "email" && /^(dev|build|export)$/.test(words[i + 1] ?? ""));
        if (at === -1) continue;
        const rest = words.slice(at + 2);
        const flag = rest.findIndex((word) => word === "--dir" || word === "-d");
        const inline = rest.find((word) => word.startsWith("--dir="))?.slice("--dir=".length);
        folders.add(normalFolder(inline ?? (flag === -1 ? "emails" : (rest[flag + 1] ?? "emails"))));
      }
    }
  }
  if (folders.size === 0) folders.add("emails");
  return [...folders].filter((folder) => folder !== "" && !folder.startsWith("../"));
}

function normalFolder(folder: string): string {
  return folder.replace(/^\.\//, "").replace(/\/+$/, "");
}

/** React Email's own test for a template: `export default`, `module.exports =`, or `export { x as default }`. */
function hasDefaultExport(text: string): boolean {
  return /\bexport\s+default\b/.test(text) || /\bmodule\.exports\s*=/.test(text) || /\bexport\s+\{[^}]*\bdefault\b[^}]*\}/.test(text);
}
