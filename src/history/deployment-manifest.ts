// `deadflag manifest`: what one build means by each flag, written at build time and shipped with the
// build. Before a flag is flipped, `preflight` reads the manifests of every deployment that will
// see the flip and refuses when they mean different things by it: Knight Capital's eighth server
// still ran the old build, whose meaning of the flag was Power Peg.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FlagState } from "../config/config-schema.js";
import type { OpenedProject } from "../engine/open-project.js";
import { InputError } from "../engine/input-error.js";
import type { FlagMeaning } from "./flag-meaning.js";
import { GitRepository } from "./git-repository.js";
import { fingerprintOf, hashedMeaning, packedJson, unpackMeaning, writeAtomically } from "./ledger.js";
import { workingTreeMeanings } from "./working-tree-meanings.js";

/** What a build means by one flag: its declared state and its meaning, hashed as in the ledger. */
export interface ManifestFlag {
  state: FlagState | "active";
  fingerprint: string;
  meaning: FlagMeaning;
}

/** A build's manifest (docs/preflight.md). */
export interface DeploymentManifest {
  version: 1;
  kind: "deadflag-manifest";
  /** The commit built, when the tree is a git repository. */
  revision: string | null;
  flags: Record<string, ManifestFlag>;
}

/** The manifest of an opened working tree. */
export async function buildManifest(project: OpenedProject): Promise<DeploymentManifest> {
  const meanings = await workingTreeMeanings(project);
  const repo = await GitRepository.open(project.root).catch(() => undefined);
  let revision: string | null = null;
  try {
    revision = (await repo?.resolveCommit("HEAD").catch(() => undefined)) ?? null;
  } finally {
    repo?.close();
  }
  const flags: Record<string, ManifestFlag> = {};
  for (const key of [...meanings.keys()].sort()) {
    const meaning = meanings.get(key);
    if (!meaning) continue;
    const hashed = hashedMeaning(meaning);
    flags[key] = { state: project.config.flags.states[key] ?? "active", fingerprint: fingerprintOf(hashed), meaning: hashed };
  }
  return { version: 1, kind: "deadflag-manifest", revision, flags };
}

/** Writes a manifest atomically (no code in it: tokens are hashes). */
export function writeManifest(file: string, manifest: DeploymentManifest): void {
  writeAtomically(path.resolve(file), packedJson(manifest));
}

/** A manifest file as written by {@link writeManifest}; anything else is an InputError naming the file. */
export function readManifest(file: string): DeploymentManifest {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === "ENOENT" ? "no such manifest" : `cannot read it (${code ?? String(error)})`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not JSON; expected a manifest written by \`deadflag manifest --out\``);
  }
  if (!isManifest(data)) throw new InputError(`${file}: not a deadflag manifest (expected { "version": 1, "kind": "deadflag-manifest", … })`);
  const flags: Record<string, ManifestFlag> = {};
  for (const [key, flag] of Object.entries(data.flags)) flags[key] = { ...flag, meaning: unpackMeaning(flag.meaning) };
  return { ...data, flags };
}

function isManifest(value: unknown): value is DeploymentManifest {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record["version"] !== 1 || record["kind"] !== "deadflag-manifest") return false;
  const flags = record["flags"];
  if (typeof flags !== "object" || flags === null) return false;
  return Object.values(flags).every((flag: unknown) => {
    if (typeof flag !== "object" || flag === null) return false;
    const entry = flag as Record<string, unknown>;
    const meaning = entry["meaning"];
    return typeof entry["fingerprint"] === "string" && typeof entry["state"] === "string" && typeof meaning === "object" && meaning !== null && Array.isArray((meaning as Record<string, unknown>)["sites"]);
  });
}
