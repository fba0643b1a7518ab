import { REGISTRY_FORMAT_VERSION, REGISTRY_NAME, type ModelVersion, type RegistryAuthor, type RegistryDecision, type RegistryModel } from './contract';
import { registryMessage } from './messages';

/**
 * An empty registry entry for a model name (no versions, no aliases, no history).
 *
 * @example
 * newRegistryModel('churn') // { kind: 'modelbook.registry-model', name: 'churn', versions: [], … }
 */
export function newRegistryModel(name: string): RegistryModel {
  if (typeof name !== 'string' || !REGISTRY_NAME.test(name)) throw new RangeError(registryMessage.badName('model name', name));
  return { kind: 'modelbook.registry-model', formatVersion: REGISTRY_FORMAT_VERSION, name, versions: [], aliases: {}, history: [] };
}

/**
 * Adds a package as the model's next version, with a 'register' history entry — or, when a
 * version with the same content hash exists, returns the model unchanged and that version
 * (`added: false`): the same package is one version however often it is registered.
 *
 * @example
 * const { model, version } = addVersion(churn, { contentHash, path: 'models/churn', runs: { evaluation: '01J…' }, createdAt, createdBy });
 */
export function addVersion(model: RegistryModel, entry: Omit<ModelVersion, 'version'>): { model: RegistryModel; version: ModelVersion; added: boolean } {
  const same = model.versions.find((v) => v.contentHash === entry.contentHash);
  if (same) return { model, version: same, added: false };
  const version: ModelVersion = { ...entry, version: model.versions.length + 1 };
  const decision: RegistryDecision = { action: 'register', version: version.version, reasons: [], at: entry.createdAt, by: entry.createdBy };
  return { model: { ...model, versions: [...model.versions, version], history: [...model.history, decision] }, version, added: true };
}

/**
 * Points an alias at a version, recording the version it pointed at before. `action` is 'alias'
 * for a hand edit and 'promote' when `retrain` moves the champion.
 *
 * @example
 * setAlias(churn, 'champion', 3, { by, at, reasons: ['set by hand'] }).aliases.champion // 3
 */
export function setAlias(
  model: RegistryModel,
  alias: string,
  version: number,
  entry: { by: RegistryAuthor; at: string; reasons?: string[]; action?: 'alias' | 'promote'; diff?: RegistryDecision['diff'] },
): RegistryModel {
  if (typeof alias !== 'string' || !REGISTRY_NAME.test(alias)) throw new RangeError(registryMessage.badName('alias', alias));
  if (!model.versions.some((v) => v.version === version)) throw new RangeError(registryMessage.unknownVersion(model.name, String(version), knownVersions(model)));
  const previous = Object.hasOwn(model.aliases, alias) ? model.aliases[alias] : undefined;
  const decision: RegistryDecision = {
    action: entry.action ?? 'alias',
    version,
    alias,
    ...(previous !== undefined ? { previous } : {}),
    reasons: entry.reasons ?? [],
    ...(entry.diff ? { diff: entry.diff } : {}),
    at: entry.at,
    by: entry.by,
  };
  return { ...model, aliases: { ...model.aliases, [alias]: version }, history: [...model.history, decision] };
}

/**
 * Appends a decision that changes no alias (a rejected challenger) to the history.
 *
 * @example
 * recordDecision(churn, { action: 'reject', version: 4, reasons: ['significantly worse on auc'], at, by })
 */
export function recordDecision(model: RegistryModel, decision: RegistryDecision): RegistryModel {
  if (!model.versions.some((v) => v.version === decision.version)) throw new RangeError(registryMessage.unknownVersion(model.name, String(decision.version), knownVersions(model)));
  return { ...model, history: [...model.history, decision] };
}

/**
 * The version a user named: a number (`3`, `v3`) or an alias (`champion`).
 *
 * @example
 * resolveVersion(churn, 'champion') // { version: 3, … }
 */
export function resolveVersion(model: RegistryModel, spec: string): ModelVersion {
  const byNumber = /^v?(\d{1,6})$/.exec(spec);
  const n = byNumber ? Number(byNumber[1]) : Object.hasOwn(model.aliases, spec) ? model.aliases[spec] : undefined;
  const found = n === undefined ? undefined : model.versions.find((v) => v.version === n);
  if (!found) throw new RangeError(model.versions.length === 0 ? registryMessage.noVersions(model.name) : registryMessage.unknownVersion(model.name, spec, knownVersions(model)));
  return found;
}

function knownVersions(model: RegistryModel): string {
  const aliases = Object.keys(model.aliases).sort();
  const range = model.versions.length === 0 ? 'no versions' : model.versions.length === 1 ? 'version 1' : `versions 1–${model.versions.length}`;
  return aliases.length ? `${range} and the aliases ${aliases.join(', ')}` : range;
}
