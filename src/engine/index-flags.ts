// The flag-reference index of an opened project: its reads plus its registry's declarations.
import path from "node:path";
import type { ReadSources } from "../flags/build-flag-index.js";
import { buildFlagIndex } from "../flags/build-flag-index.js";
import type { FlagIndex } from "../flags/flag-index.js";
import { loadRegistry } from "../flags/load-registry.js";
import type { OpenedProject } from "./open-project.js";

/**
 * Indexes every flag read of `project`; a broken registry entry throws a ConfigError. With
 * `sources`, also records what each read made by its own call depended on.
 */
export function indexFlags(project: OpenedProject, sources?: ReadSources): FlagIndex {
  const configFile = project.configFile
    ? path.relative(project.root, project.configFile).split(path.sep).join("/")
    : "deadflag config";
  const declarations = loadRegistry(project.config.flags.registry, {
    root: project.root,
    configDirectory: project.configDirectory,
    configFile,
    linked: project.linked,
  });
  return buildFlagIndex(project.linked, project.config.flags, declarations, sources);
}
