/**
 * The model registry: named models kept in the repository, one JSON file per model under
 * `.modelbook/registry/` (`<name>.json`). A model has numbered versions (each a model package,
 * known by its content hash), aliases such as `champion` and `challenger` that point at a version,
 * and a history of what was decided about it (register, alias, promote, reject) with the reasons.
 * One file per model so two branches that retrain different models never touch the same file, and
 * a merge of one model's file is a merge of appended list entries. Schema:
 * `schemas/registry-model.schema.json`.
 */
import type { ReviewAuthor } from '../review/threadContract';

/** Where the registry files live, relative to the workspace. */
export const REGISTRY_DIR = '.modelbook/registry';
export const REGISTRY_FORMAT_VERSION = 1;

/** What model names and aliases may be: safe as a file name on every OS, and short. */
export const REGISTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Bounds that keep a hostile or runaway file from stalling a reader. */
export const REGISTRY_LIMITS = {
  fileChars: 16 << 20,
  versions: 10_000,
  aliases: 100,
  history: 100_000,
  reasons: 100,
  reasonChars: 2_000,
  pathChars: 1_000,
};

/** Who did something: git's user.name and user.email (read from the config files, never by running git), or the OS user. */
export type RegistryAuthor = ReviewAuthor;

/** One version of a model: a model package, known by its content hash. */
export interface ModelVersion {
  /** 1, 2, 3… in the order registered. */
  version: number;
  /** The package's content hash (sha-256 hex, `modelbook.json` contentHash). */
  contentHash: string;
  /** The package folder, workspace-relative with '/' separators. */
  path: string;
  /** The fit and evaluation run ids the package's manifest names. */
  runs: { fit?: string; evaluation?: string };
  /** The notebook that exported it (workspace-relative), when the manifest says. */
  notebook?: string;
  /** When it was registered (ISO 8601 UTC). */
  createdAt: string;
  createdBy: RegistryAuthor;
}

/** A model diff as a decision cites it. */
export interface DecisionDiff {
  /** sha-256 of the diff's canonical JSON (what a review record's diffHash holds). */
  hash: string;
  verdict: string;
  /** The evaluation run ids compared: the champion's (base) and the challenger's (head). */
  baseRun: string;
  headRun: string;
}

/** One entry of a model's history. */
export interface RegistryDecision {
  /** register: a version was added; alias: an alias was set by hand; promote / reject: what `retrain` decided. */
  action: 'register' | 'alias' | 'promote' | 'reject';
  /** The version the entry is about (the challenger, for promote / reject). */
  version: number;
  /** The alias that was set or moved (alias, promote). */
  alias?: string;
  /** The version the alias pointed at before (the previous champion), when it pointed at one. */
  previous?: number;
  reasons: string[];
  diff?: DecisionDiff;
  at: string;
  by: RegistryAuthor;
}

/** `.modelbook/registry/<name>.json`. */
export interface RegistryModel {
  kind: 'modelbook.registry-model';
  formatVersion: typeof REGISTRY_FORMAT_VERSION;
  name: string;
  versions: ModelVersion[];
  /** Alias → version number. */
  aliases: Record<string, number>;
  /** Oldest first; entries are only ever appended. */
  history: RegistryDecision[];
}
