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
  /** The lifecycle gate at export (see `PackageManifest.lifecycle`). */
  lifecycle?: PackageManifest['lifecycle'];
}

/**
 * The text the content hash is taken over: the files' "path\0sha256\n" lines, sorted by path, and
 * when the export went through a lifecycle gate, a last line "\0lifecycle\0<its JSON, keys in a
 * fixed order>\n" (no path starts with NUL, so it cannot pose as a file; a manifest without one
 * hashes as before). The rest of the manifest and its createdAt are not part of it, so the same
 * model, data and evaluation give the same hash.
 *
 * @example
 * contentHashText({ 'b.json': 'ff', 'a.json': '00' }) // 'a.json\u000000\nb.json\u0000ff\n'
 */
export function contentHashText(files: Record<string, string>, lifecycle?: PackageManifest['lifecycle']): string {
  const lines = Object.keys(files)
    .sort()
    .map((path) => `${path}\0${files[path]}\n`);
  if (lifecycle) lines.push(`\0lifecycle\0${lifecycleJson(lifecycle)}\n`);
  return lines.join('');
}

function lifecycleJson(l: NonNullable<PackageManifest['lifecycle']>): string {
  return JSON.stringify({ required: l.required, missing: l.missing, ...(l.overridden ? { overridden: { reason: l.overridden.reason } } : {}) });
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
    ...(parts.lifecycle ? { lifecycle: parts.lifecycle } : {}),
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
  if (o.lifecycle !== undefined && !isLifecycle(o.lifecycle)) return 'lifecycle must be { required: [ids], missing: [ids], overridden?: { reason } }';
  return undefined;
}

function isLifecycle(l: unknown): boolean {
  const ids = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof l !== 'object' || l === null) return false;
  const o = l as { required?: unknown; missing?: unknown; overridden?: { reason?: unknown } };
  return ids(o.required) && ids(o.missing) && (o.overridden === undefined || (typeof o.overridden === 'object' && o.overridden !== null && typeof o.overridden.reason === 'string'));
}
