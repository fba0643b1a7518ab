/**
 * Approval entries: built with the hash of their own content, parsed with that hash checked, and
 * compared with what exists now. Hashing is injected (core has no crypto); the store passes sha-256.
 */
import { APPROVAL_FORMAT_VERSION, ROLE_NAME, type ApprovalEntry, type ApprovalStatus, type ApprovalSubject } from './contract';
import { approvalMessage } from './messages';
import type { ReviewAuthor } from '../review/threadContract';
import type { LifecycleConfig } from '../checkpoints/contract';
import { parseLifecycleConfig } from '../lifecycle/parseConfig';

type Hash = (text: string) => string;

/** The JSON the hash covers: every field but `hash`, keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * A new approval entry, its `hash` set over its canonical content.
 *
 * @example
 * buildApprovalEntry({ by, role: 'risk', at: '2026-12-07T10:00:00.000Z', subject: { run: { id, recordHash } }, gates: [] }, sha256Hex).hash
 */
export function buildApprovalEntry(
  fields: { by: ReviewAuthor; role: string; at: string; note?: string; subject: ApprovalSubject; gates: { name: string; passed: boolean }[] },
  hash: Hash,
): ApprovalEntry {
  if (!ROLE_NAME.test(fields.role)) throw new RangeError(approvalMessage.badRole(fields.role));
  const body: Omit<ApprovalEntry, 'hash'> = {
    kind: 'modelbook.approval',
    formatVersion: APPROVAL_FORMAT_VERSION,
    by: { name: fields.by.name, email: fields.by.email },
    role: fields.role,
    at: fields.at,
    ...(fields.note ? { note: fields.note } : {}),
    subject: fields.subject,
    gates: fields.gates.map((g) => ({ name: g.name, passed: g.passed })),
  };
  return { ...body, hash: hash(canonical(body)) };
}

/**
 * The file name of an entry: its time (sortable) and the start of its hash.
 *
 * @example
 * approvalFileName(entry) // '20261207T100000000Z-3f2a9c1b0d4e.json'
 */
export function approvalFileName(entry: ApprovalEntry): string {
  return `${entry.at.replace(/[-:.]/g, '')}-${entry.hash.slice(0, 12)}.json`;
}

/**
 * Parses an entry's text; `tampered` when its content no longer matches the hash it carries.
 *
 * @example
 * parseApprovalEntry(text, sha256Hex) // { entry, tampered: false }
 */
export function parseApprovalEntry(text: string, hash: Hash): { entry: ApprovalEntry; tampered: boolean } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new RangeError(approvalMessage.badEntry((e as Error).message), { cause: e });
  }
  const why = checkShape(v);
  if (why) throw new RangeError(approvalMessage.badEntry(why));
  const entry = v as ApprovalEntry;
  const { hash: carried, ...body } = entry;
  return { entry, tampered: hash(canonical(body)) !== carried };
}

function checkShape(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return 'not an object';
  const e = v as Partial<ApprovalEntry>;
  if (e.kind !== 'modelbook.approval') return 'kind is not "modelbook.approval"';
  if (e.formatVersion !== APPROVAL_FORMAT_VERSION) return `formatVersion ${String(e.formatVersion)} is not ${APPROVAL_FORMAT_VERSION}`;
  if (typeof e.role !== 'string' || typeof e.at !== 'string' || typeof e.hash !== 'string') return 'role, at or hash is missing';
  if (!e.by || typeof e.by.name !== 'string' || typeof e.by.email !== 'string') return 'by is not {name, email}';
  if (!e.subject || typeof e.subject !== 'object') return 'subject is missing';
  if (!Array.isArray(e.gates)) return 'gates is not a list';
  return undefined;
}

/** The hashes of what an entry names, as they are now: a hash, or null when the thing is gone. */
export interface CurrentHashes {
  run?: string | null;
  package?: string | null;
  card?: string | null;
}

/**
 * Whether an entry approved what exists now: 'older' names each hash that changed.
 *
 * @example
 * compareApproval(entry, false, { package: manifest.contentHash }) // { status: 'current', reasons: [] }
 */
export function compareApproval(entry: ApprovalEntry, tampered: boolean, now: CurrentHashes): { status: ApprovalStatus; reasons: string[] } {
  if (tampered) return { status: 'tampered', reasons: [approvalMessage.selfHashMismatch] };
  const reasons: string[] = [];
  const { run, package: pkg, card } = entry.subject;
  if (run && now.run !== undefined && now.run !== run.recordHash) reasons.push(now.run === null ? approvalMessage.runGone(run.id) : approvalMessage.runChanged(run.id));
  if (pkg && now.package !== undefined && now.package !== pkg.contentHash) reasons.push(now.package === null ? approvalMessage.packageGone(pkg.path) : approvalMessage.packageChanged(pkg.path));
  if (!card && pkg && typeof now.card === 'string') reasons.push(approvalMessage.cardAdded(pkg.path));
  if (card && now.card !== undefined && now.card !== card.hash) reasons.push(now.card === null ? approvalMessage.cardGone(card.path) : approvalMessage.cardChanged(card.path));
  return { status: reasons.length ? 'older' : 'current', reasons };
}

/**
 * The required roles without a current approval among `states`.
 *
 * @example
 * missingRoles(['model-owner', 'risk'], [{ role: 'risk', status: 'current' }]) // ['model-owner']
 */
export function missingRoles(required: readonly string[], states: readonly { role: string; status: ApprovalStatus }[]): string[] {
  const have = new Set(states.filter((s) => s.status === 'current').map((s) => s.role));
  return required.filter((r) => !have.has(r));
}

/**
 * Parses `.modelbook/governance.json`'s text.
 *
 * @example
 * parseGovernance('{"requiredRoles":["risk"]}', 'governance.json') // { requiredRoles: ['risk'] }
 */
export function parseGovernance(text: string, file: string): { requiredRoles: string[]; sensitiveAttributes?: string[]; lifecycle?: LifecycleConfig } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new RangeError(approvalMessage.badGovernance(file, (e as Error).message), { cause: e });
  }
  const g = v as { requiredRoles?: unknown; sensitiveAttributes?: unknown; lifecycle?: unknown };
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!g || typeof g !== 'object' || (g.requiredRoles !== undefined && !strings(g.requiredRoles)))
    throw new RangeError(approvalMessage.badGovernance(file, 'requiredRoles is not a list of role names'));
  if (g.sensitiveAttributes !== undefined && !strings(g.sensitiveAttributes)) throw new RangeError(approvalMessage.badGovernance(file, 'sensitiveAttributes is not a list of column names'));
  const lifecycle = g.lifecycle !== undefined ? parseLifecycleConfig(g.lifecycle, file, 'lifecycle') : undefined;
  return {
    requiredRoles: (g.requiredRoles as string[] | undefined) ?? [],
    ...(g.sensitiveAttributes ? { sensitiveAttributes: g.sensitiveAttributes as string[] } : {}),
    ...(lifecycle ? { lifecycle } : {}),
  };
}

/**
 * The entries about a subject: the same package folder, or the same run (directly or as a package's evaluation run).
 *
 * @example
 * approvalsFor(states, { package: { path: 'models/churn', name: 'churn', contentHash } })
 */
export function approvalsFor<T extends { entry: ApprovalEntry }>(states: readonly T[], subject: ApprovalSubject): T[] {
  return states.filter(({ entry: { subject: s } }) => (subject.package ? s.package?.path === subject.package.path : subject.run !== undefined && s.run?.id === subject.run.id));
}
