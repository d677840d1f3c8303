// Folders a listing never descends into: installed packages, git's own data, and the caches and
// build output of tools, which hold thousands of generated files and never the project's sources.

/** Folder names skipped wherever they appear. */
const skippedFolders = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".astro",
  ".turbo",
  ".cache",
  ".vercel",
  ".netlify",
  ".output",
  ".yarn",
  ".pnpm-store",
  ".react-router",
  ".expo",
  ".docusaurus",
]);

/** Whether a listing skips the folder named `name`. */
export function isSkippedFolder(name: string): boolean {
  return skippedFolders.has(name);
}
