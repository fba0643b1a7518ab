/**
 * What `modelbook audit` judges, read from the workspace: the notebook's (or package's) latest
 * evaluation run, the data files the notebook reads (scanned for PII here), the kept slice results,
 * the card, the lineage and the approvals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { approvalsFor } from '../../core/approvals/entry';
import { REQUIRED_PROSE } from '../../core/card/contract';
import { problemOf, proseOf } from '../../core/card/prose';
import type { AuditFacts, PIIFileFacts } from '../../core/audit/contract';
import { auditMessage } from '../../core/audit/messages';
import { collectRecordedPII } from '../../core/audit/recorded';
import { parseCSV, parseTSV } from '../../core/data/parseCSV';
import { parseJSON } from '../../core/data/parseJSON';
import { scanPII } from '../../core/data/scanPII';
import { collectLineage, type LineagePackage } from '../../core/lineage/collect';
import type { Lineage } from '../../core/lineage/contract';
import { parseNotebook } from '../../core/notebook/parse';
import type { RunRecord } from '../../core/runs/contract';
import { listApprovals, readGovernance } from '../approvals/approvalLog';
import { GovernanceWorkspace, TargetNotFound } from '../lineage/workspace';
import { readRegularFile } from '../readRegularFile';
import { readPredictions } from '../review/readPredictions';

const MAX_DATA_BYTES = 512 << 20;
/** A path literal passed to one of the modelbook readers: readCSV('data/x.csv'), readJSON("…"). */
const READ_CALL = /\bread(?:CSV|TSV|JSON)\s*\(\s*(['"`])([^'"`\n]+)\1/g;

/**
 * The facts of an audit of a notebook (`.mlnb`/`.ipynb`) or a package folder.
 *
 * @example
 * collectAudit(gatherAuditFacts('/work/churn', 'models/churn', '/work/churn'))
 */
export function gatherAuditFacts(workspace: string, ref: string, cwd: string): AuditFacts {
  const ws = new GovernanceWorkspace(workspace);
  const abs = path.resolve(cwd, ref);
  let notebook: string | undefined;
  let evaluation: RunRecord | undefined;
  let pkg: LineagePackage | undefined;
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
    const target = ws.resolve(ref, cwd);
    if (target.kind !== 'package') throw new TargetNotFound(auditMessage.notFound(ref));
    pkg = target.pkg;
    notebook = pkg.manifest?.notebook;
    const id = pkg.manifest?.runs.evaluation;
    evaluation = id && ws.runs().get(id) ? ws.runs().readRecord(id) : undefined;
  } else if (/\.(mlnb|ipynb)$/.test(abs) && fs.existsSync(abs)) {
    notebook = ws.relative(abs);
    const latest = ws.latestRun('evaluation', notebook);
    if (!latest) throw new TargetNotFound(auditMessage.noRuns(notebook));
    evaluation = ws.runs().readRecord(latest);
    pkg = ws.packagesOf(latest)[0];
  } else throw new TargetNotFound(auditMessage.notFound(ref));

  const governance = readGovernance(workspace);
  const latestOf = (kind: 'problem' | 'card') => {
    const row = notebook ? ws.latestRun(kind, notebook) : undefined;
    return row ? ws.runs().readRecord(row) : undefined;
  };
  const problem = (() => {
    const r = latestOf('problem');
    return r ? problemOf(r) : undefined;
  })();
  const prose = (() => {
    const r = latestOf('card');
    return r ? proseOf(r) : undefined;
  })();
  const declaredByProblem = (problem?.sensitiveAttributes?.length ?? 0) > 0;
  const lineage = collectLineage(pkg ? { kind: 'package', pkg } : { kind: 'run', id: evaluation!.id }, ws.lineageReaders());
  const subjectRef = pkg?.path ?? evaluation!.id;
  const { subject } = pkg?.manifest ? ws.subjectOf({ kind: 'package', pkg, dir: path.join(workspace, pkg.path) }) : { subject: { run: { id: evaluation!.id, recordHash: '' } } };
  const states = approvalsFor(listApprovals(ws).states, subject);
  const current = new Set(states.filter((s) => s.status === 'current').map((s) => s.entry.role));
  const missing = governance.requiredRoles.filter((r) => !current.has(r));
  return {
    subject: notebook && !pkg ? notebook : subjectRef,
    pii: withRecordedPII(scanNotebookData(workspace, notebook), ws, evaluation, lineage),
    fairness: {
      declared: declaredByProblem ? problem!.sensitiveAttributes! : (governance.sensitiveAttributes ?? []),
      declaredBy: declaredByProblem ? 'problem' : governance.sensitiveAttributes?.length ? 'governance' : 'none',
      evaluated: evaluation ? slicesOf(workspace, evaluation) : [],
      ...(evaluation ? { evaluationRun: evaluation.id } : {}),
    },
    card: {
      ...(pkg?.card ? { path: `${pkg.path}/${pkg.card.path}` } : prose && notebook ? { path: `modelCard() in ${notebook}` } : {}),
      ...(prose ? { missingSections: REQUIRED_PROSE.filter((k) => !prose[k].trim()) } : {}),
      ...(pkg ? { packagePath: pkg.path } : {}),
    },
    lineage,
    approvals: {
      required: governance.requiredRoles,
      missing,
      older: [...new Set(states.filter((s) => s.status === 'older').map((s) => s.entry.role))].filter((r) => missing.includes(r)),
      ref: subjectRef,
    },
  };
}

/** Adds the PII scans recorded with the data the evaluation and its fit run used. */
function withRecordedPII(files: AuditFacts['pii'], ws: GovernanceWorkspace, evaluation: RunRecord | undefined, lineage: Lineage): AuditFacts['pii'] {
  const fitId = lineage.nodes.find((n) => n.kind === 'fit' && n.status === 'ok')?.id;
  const runs = [evaluation, fitId && fitId !== evaluation?.id && ws.runs().get(fitId) ? ws.runs().readRecord(fitId) : undefined].filter((r): r is RunRecord => r !== undefined);
  return { scanned: [...files.scanned, ...collectRecordedPII(runs)], unscanned: files.unscanned };
}

/** Slice columns the evaluation kept per-row values for (what its fairness results are over). */
function slicesOf(workspace: string, r: RunRecord): string[] {
  if (!r.predictions) return [];
  try {
    return Object.keys(readPredictions(path.join(workspace, ...r.predictions.path.split('/'))).slices ?? {});
  } catch {
    return [];
  }
}

/** Scans each data file the notebook reads by a literal path (relative to the notebook, then the workspace). */
function scanNotebookData(workspace: string, notebook: string | undefined): { scanned: PIIFileFacts[]; unscanned: string[] } {
  const scanned: PIIFileFacts[] = [];
  const unscanned: string[] = [];
  if (!notebook) return { scanned, unscanned };
  let text: string;
  try {
    text = readRegularFile(path.join(workspace, ...notebook.split('/')), { maxBytes: 64 << 20 }).bytes.toString('utf8');
  } catch {
    return { scanned, unscanned: [notebook] };
  }
  const files = new Set<string>();
  for (const cell of parseNotebook(text, notebook).cells) {
    const source = Array.isArray(cell.source) ? cell.source.join('') : String(cell.source);
    for (const match of source.matchAll(READ_CALL)) files.add(match[2]);
  }
  const nbDir = path.dirname(path.join(workspace, ...notebook.split('/')));
  for (const f of [...files].sort()) {
    const candidates = [path.resolve(nbDir, f), path.resolve(workspace, f)].filter((p) => !path.relative(workspace, p).startsWith('..'));
    const file = candidates.find((p) => fs.existsSync(p));
    if (!file) {
      unscanned.push(f);
      continue;
    }
    try {
      const bytes = readRegularFile(file, { maxBytes: MAX_DATA_BYTES }).bytes;
      const table = /\.json$/i.test(file) ? parseJSON(bytes) : /\.tsv$/i.test(file) ? parseTSV(bytes) : parseCSV(bytes);
      const report = scanPII(table);
      scanned.push({
        file: path.relative(workspace, file).split(path.sep).join('/'),
        identifiers: report.columns
          .filter((c) => c.values.length > 0 || c.name?.kind === 'identifier')
          .map((c) => ({ column: c.column, what: [c.name?.meaning, ...c.values.map((v) => v.kind)].filter(Boolean).join(', ') })),
        sensitive: report.columns.filter((c) => c.values.length === 0 && c.name && c.name.kind !== 'identifier').map((c) => ({ column: c.column, what: c.name!.meaning })),
      });
    } catch {
      unscanned.push(f);
    }
  }
  return { scanned, unscanned };
}
