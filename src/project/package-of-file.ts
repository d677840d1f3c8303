// Which workspace package a file belongs to: the deepest package folder that holds it.
import type { Finding } from "../findings/finding.js";
import type { ProjectPackage } from "./project-package.js";

/** The name of the workspace package whose folder holds `file`, if any. */
function packageNameOf(file: string, packages: readonly ProjectPackage[]): string | undefined {
  let best: ProjectPackage | undefined;
  for (const pkg of packages) {
    if (!pkg.workspace || !file.startsWith(`${pkg.directory}/`)) continue;
    if (best === undefined || pkg.directory.length > best.directory.length) best = pkg;
  }
  return best?.name;
}

/** `findings` with the workspace package name of their file set (an additive, optional field). */
export function withPackageNames(findings: readonly Finding[], packages: readonly ProjectPackage[]): Finding[] {
  if (!packages.some((p) => p.workspace)) return [...findings];
  return findings.map((finding) => {
    const name = packageNameOf(finding.file, packages);
    return name === undefined ? finding : { ...finding, package: name };
  });
}
