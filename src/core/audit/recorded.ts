import type { RunRecord } from '../runs/contract';
import type { PIIFileFacts } from './contract';
import { matchSensitiveName } from '../data/pii/names';
import { auditMessage } from './messages';

/**
 * The PII scans the kernel recorded with the data a fit or evaluation used (findings of kind
 * `pii-…`), one entry per data set that was checked: value patterns and identifier names are
 * identifiers, sensitive attributes by name are not. Data sets without recorded findings were not
 * checked and are left out.
 *
 * @example
 * collectRecordedPII([evaluation, fit]) // [{ file: 'train data of fit run 01J…', identifiers: [{ column: 'contact', what: 'email' }], sensitive: [] }]
 */
export function collectRecordedPII(runs: readonly RunRecord[]): PIIFileFacts[] {
  const out: PIIFileFacts[] = [];
  for (const run of runs)
    for (const d of run.data) {
      if (!d.findings) continue;
      const pii = d.findings.filter((f) => f.kind.startsWith('pii-') && f.column !== undefined);
      const what = (kind: string) => kind.slice('pii-'.length);
      out.push({
        file: auditMessage.recordedData(d.name && d.name !== d.role ? `${d.role} data ${d.name}` : `${d.role} data`, run.kind, run.id),
        identifiers: pii.filter((f) => f.kind !== 'pii-sensitiveAttribute').map((f) => ({ column: f.column!, what: what(f.kind) })),
        sensitive: pii.filter((f) => f.kind === 'pii-sensitiveAttribute').map((f) => ({ column: f.column!, what: matchSensitiveName(f.column!)?.meaning ?? what(f.kind) })),
      });
    }
  return out;
}
