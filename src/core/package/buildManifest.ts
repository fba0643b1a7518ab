import type { DataFingerprint } from '../data/fingerprint';
import type { GateResult } from '../evaluation/gates/gateTypes';
import type { RunEnvironment } from '../runs/contract';
import { PACKAGE_FORMAT_VERSION, type InputSchema, type OutputSchema, type PackageFlavour, type PackageManifest } from './contract';

/** What the manifest says besides its files (see `buildManifest`). */
export interface ManifestParts {
  name: string;
  flavour: PackageFlavour;
  modelType: string;
  inputs: InputSchema;
  outputs: OutputSchema;
  runs?: { fit?: string; evaluation?: string };
  codeHash?: string;
  notebook?: string;
  data?: { role: 'train' | 'test' | 'evaluation'; fingerprint: DataFingerprint }[];
  environment: RunEnvironment;
  createdAt: string;
  gates?: { results: GateResult[]; overridden: boolean };
  /** Set when exported although the pipeline saw test rows (`--allow-leak`): the leak check's sentence. */
  leak?: { detail: string; overridden: true };
}

/**
 * The text the content hash is taken over: the files' "path\0sha256\n" lines, sorted by path. The
 * manifest itself and its createdAt are not part of it, so the same model, data and evaluation
 * give the same hash.
 *
 * @example
 * contentHashText({ 'b.json': 'ff', 'a.json': '00' }) // 'a.json\u000000\nb.json\u0000ff\n'
 */
export function contentHashText(files: Record<string, string>): string {
  return Object.keys(files)
    .sort()
    .map((path) => `${path}\0${files[path]}\n`)
    .join('');
}

/**
 * The package manifest (`modelbook.json`) from its parts, the files' sha256 and the content hash
 * (sha256 hex of `contentHashText(files)`, computed by the caller: core has no sha256).
 *
 * @example
 * buildManifest(parts, { 'model/model.json': '9f…' }, 'c0ffee…').contentHash // 'c0ffee…'
 */
export function buildManifest(parts: ManifestParts, files: Record<string, string>, contentHash: string): PackageManifest {
  const sorted: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) sorted[path] = files[path];
  return {
    kind: 'modelbook.package',
    formatVersion: PACKAGE_FORMAT_VERSION,
    name: parts.name,
    flavour: parts.flavour,
    modelType: parts.modelType,
    signature: { inputs: parts.inputs, outputs: parts.outputs },
    runs: { ...(parts.runs ?? {}) },
    ...(parts.codeHash !== undefined ? { codeHash: parts.codeHash } : {}),
    ...(parts.notebook !== undefined ? { notebook: parts.notebook } : {}),
    data: parts.data ?? [],
    environment: parts.environment,
    createdAt: parts.createdAt,
    ...(parts.gates ? { gates: parts.gates } : {}),
    ...(parts.leak ? { leak: parts.leak } : {}),
    files: sorted,
    contentHash,
  };
}

/**
 * Why a parsed manifest is not one this version reads, or undefined when it is.
 *
 * @example
 * checkManifest({ kind: 'other' }) // 'kind is not "modelbook.package"'
 */
export function checkManifest(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null) return 'not a JSON object';
  const o = m as Partial<PackageManifest>;
  if (o.kind !== 'modelbook.package') return 'kind is not "modelbook.package"';
  if (typeof o.formatVersion !== 'number') return 'formatVersion is missing';
  if (o.flavour !== 'modelbook' && o.flavour !== 'tfjs-layers') return `unknown flavour ${JSON.stringify(o.flavour)}`;
  if (typeof o.name !== 'string' || typeof o.modelType !== 'string') return 'name or modelType is missing';
  if (!o.signature || !Array.isArray(o.signature.inputs?.columns) || typeof o.signature.outputs?.task !== 'string') return 'signature is missing or incomplete';
  if (typeof o.files !== 'object' || o.files === null || Object.values(o.files).some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) return 'files must map paths to sha256 hex';
  if (typeof o.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(o.contentHash)) return 'contentHash must be sha256 hex';
  return undefined;
}
