import { checkAuthor, checkEnum, checkObject, checkString, checkTime, FieldError, parseJsonText } from '../review/checkFields';
import { fileMessage } from '../review/messages';
import type { Parsed } from '../review/threadContract';
import { REGISTRY_FORMAT_VERSION, REGISTRY_LIMITS, REGISTRY_NAME, type DecisionDiff, type ModelVersion, type RegistryDecision, type RegistryModel } from './contract';
import { registryMessage } from './messages';

const HASH = /^[0-9a-f]{64}$/;
const ACTIONS = ['register', 'alias', 'promote', 'reject'] as const;

/**
 * A registry file's text read back and checked, or the reason it was refused (never a throw):
 * the format, every version numbered in order with a distinct content hash, every alias pointing
 * at a version, bounded sizes.
 *
 * @example
 * const r = parseRegistryModel(text); if (r.kind === 'ok') r.value.aliases.champion // 3
 */
export function parseRegistryModel(text: string): Parsed<RegistryModel> {
  try {
    return { kind: 'ok', value: _validateRegistryModel(parseJsonText(text, REGISTRY_LIMITS.fileChars)) };
  } catch (e) {
    if (e instanceof FieldError) return { kind: 'invalid', reason: e.message };
    return { kind: 'invalid', reason: `the file could not be read (${String((e as Error)?.message ?? e).slice(0, 120)})` };
  }
}

export function _validateRegistryModel(value: unknown): RegistryModel {
  const o = checkObject(value, 'the registry file', ['kind', 'formatVersion', 'name', 'versions', 'aliases', 'history']);
  if (o.kind !== 'modelbook.registry-model') throw new FieldError(registryMessage.badKind(o.kind));
  if (typeof o.formatVersion === 'number' && o.formatVersion > REGISTRY_FORMAT_VERSION) throw new FieldError(registryMessage.newerFormat(o.formatVersion));
  if (o.formatVersion !== REGISTRY_FORMAT_VERSION) throw new FieldError(fileMessage.badVersion(REGISTRY_FORMAT_VERSION, o.formatVersion));
  const name = checkName(o.name, 'name');
  const versions = checkList(o.versions, 'versions', REGISTRY_LIMITS.versions).map((v, i) => checkVersion(v, `versions[${i}]`, i + 1));
  const seen = new Map<string, number>();
  for (const v of versions) {
    const earlier = seen.get(v.contentHash);
    if (earlier !== undefined) throw new FieldError(registryMessage.repeatedHash(`versions[${v.version - 1}].contentHash`, earlier));
    seen.set(v.contentHash, v.version);
  }
  const aliasObj = checkObject(o.aliases, 'aliases', Object.keys((o.aliases as object) ?? {}));
  const aliasNames = Object.keys(aliasObj);
  if (aliasNames.length > REGISTRY_LIMITS.aliases) throw new FieldError(fileMessage.tooMany('aliases', REGISTRY_LIMITS.aliases));
  const aliases: Record<string, number> = {};
  for (const a of aliasNames.sort()) {
    checkName(a, `aliases.${a.slice(0, 40)}`);
    const v = aliasObj[a];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > versions.length) throw new FieldError(registryMessage.aliasToNowhere(a, v));
    aliases[a] = v;
  }
  const history = checkList(o.history, 'history', REGISTRY_LIMITS.history).map((d, i) => checkDecision(d, `history[${i}]`, versions.length));
  return { kind: 'modelbook.registry-model', formatVersion: REGISTRY_FORMAT_VERSION, name, versions, aliases, history };
}

function checkName(v: unknown, where: string): string {
  const s = checkString(v, where, 64);
  if (!REGISTRY_NAME.test(s)) throw new FieldError(registryMessage.badNameAt(where, where === 'name' ? 'model name' : 'alias', s));
  return s;
}

function checkList(v: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new FieldError(fileMessage.notList(where));
  if (v.length > max) throw new FieldError(fileMessage.tooMany(where, max));
  return v;
}

function checkHash(v: unknown, where: string): string {
  const s = checkString(v, where, 64);
  if (!HASH.test(s)) throw new FieldError(registryMessage.badHash(where));
  return s;
}

function checkPath(v: unknown, where: string): string {
  const s = checkString(v, where, REGISTRY_LIMITS.pathChars);
  if (s.startsWith('/') || /[\0\\\n\r]/.test(s) || !s.split('/').every((seg) => seg !== '' && seg !== '..')) throw new FieldError(registryMessage.badPath(where));
  return s;
}

function checkRuns(v: unknown, where: string): ModelVersion['runs'] {
  const o = checkObject(v, where, ['fit', 'evaluation']);
  const runs: ModelVersion['runs'] = {};
  if (o.fit !== undefined) runs.fit = checkString(o.fit, `${where}.fit`, 64);
  if (o.evaluation !== undefined) runs.evaluation = checkString(o.evaluation, `${where}.evaluation`, 64);
  return runs;
}

function checkVersion(v: unknown, where: string, expected: number): ModelVersion {
  const o = checkObject(v, where, ['version', 'contentHash', 'path', 'runs', 'notebook', 'createdAt', 'createdBy']);
  if (o.version !== expected) throw new FieldError(registryMessage.badVersionNumber(`${where}.version`, expected));
  const out: ModelVersion = {
    version: expected,
    contentHash: checkHash(o.contentHash, `${where}.contentHash`),
    path: checkPath(o.path, `${where}.path`),
    runs: checkRuns(o.runs, `${where}.runs`),
    createdAt: checkTime(o.createdAt, `${where}.createdAt`),
    createdBy: checkAuthor(o.createdBy, `${where}.createdBy`),
  };
  if (o.notebook !== undefined) out.notebook = checkPath(o.notebook, `${where}.notebook`);
  return out;
}

function checkVersionRef(v: unknown, where: string, count: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > count) throw new FieldError(registryMessage.badVersionNumber(where, Math.max(1, Math.min(count, Number(v) || 1))));
  return v;
}

function checkDiff(v: unknown, where: string): DecisionDiff {
  const o = checkObject(v, where, ['hash', 'verdict', 'baseRun', 'headRun']);
  return {
    hash: checkHash(o.hash, `${where}.hash`),
    verdict: checkString(o.verdict, `${where}.verdict`, REGISTRY_LIMITS.reasonChars),
    baseRun: checkString(o.baseRun, `${where}.baseRun`, 64),
    headRun: checkString(o.headRun, `${where}.headRun`, 64),
  };
}

function checkDecision(v: unknown, where: string, versions: number): RegistryDecision {
  const o = checkObject(v, where, ['action', 'version', 'alias', 'previous', 'reasons', 'diff', 'at', 'by']);
  const d: RegistryDecision = {
    action: checkEnum(o.action, `${where}.action`, ACTIONS),
    version: checkVersionRef(o.version, `${where}.version`, versions),
    reasons: checkList(o.reasons, `${where}.reasons`, REGISTRY_LIMITS.reasons).map((r, i) => checkString(r, `${where}.reasons[${i}]`, REGISTRY_LIMITS.reasonChars)),
    at: checkTime(o.at, `${where}.at`),
    by: checkAuthor(o.by, `${where}.by`),
  };
  if (o.alias !== undefined) d.alias = checkName(o.alias, `${where}.alias`);
  if (o.previous !== undefined) d.previous = checkVersionRef(o.previous, `${where}.previous`, versions);
  if (o.diff !== undefined) d.diff = checkDiff(o.diff, `${where}.diff`);
  return d;
}

/**
 * A registry file's text: two-space JSON in the format's key order, aliases sorted, a final
 * newline — so the same registry is always the same bytes and a git diff shows only what changed.
 *
 * @example
 * writeFileAtomic(file, serializeRegistryModel(model));
 */
export function serializeRegistryModel(m: RegistryModel): string {
  const author = (a: RegistryModel['versions'][number]['createdBy']) => ({ name: a.name, email: a.email });
  const ordered = {
    kind: m.kind,
    formatVersion: m.formatVersion,
    name: m.name,
    versions: m.versions.map((v) => ({
      version: v.version,
      contentHash: v.contentHash,
      path: v.path,
      runs: { fit: v.runs.fit, evaluation: v.runs.evaluation },
      notebook: v.notebook,
      createdAt: v.createdAt,
      createdBy: author(v.createdBy),
    })),
    aliases: Object.fromEntries(
      Object.keys(m.aliases)
        .sort()
        .map((a) => [a, m.aliases[a]]),
    ),
    history: m.history.map((d) => ({
      action: d.action,
      version: d.version,
      alias: d.alias,
      previous: d.previous,
      reasons: d.reasons.slice(),
      diff: d.diff ? { hash: d.diff.hash, verdict: d.diff.verdict, baseRun: d.diff.baseRun, headRun: d.diff.headRun } : undefined,
      at: d.at,
      by: author(d.by),
    })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
