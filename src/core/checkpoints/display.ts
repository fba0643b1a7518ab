import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import { escapeHtml as e } from '../text/html';
import type { CheckpointProblem, CheckpointResult } from './contract';

// Readable colours in both themes (the testing icons' green is under 2:1 on a light background).
const PASS = 'var(--vscode-charts-green, #388a34)';
const FAIL = 'var(--vscode-errorForeground, #a1260d)';
const MUTED = 'var(--vscode-descriptionForeground, #717171)';
const WARN = 'var(--vscode-editorWarning-foreground, #bf8803)';

function problemHtml(p: CheckpointProblem): string {
  return (
    `<li style="margin:6px 0"><div style="font-weight:600">${e(p.what)}</div>` + `<div style="color:${MUTED}"><b>Why it matters:</b> ${e(p.why)}</div>` + `<div><b>Fix:</b> ${e(p.fix)}</div></li>`
  );
}

function checkedHtml(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  // A warning's text stays in the foreground colour (the warning colour is too light to read on white); its icon carries the colour.
  const items = lines.map((l) => `<li>${l.startsWith('warning:') ? `<span style="color:${WARN}" aria-hidden="true">⚠</span> ` : ''}${e(l)}</li>`).join('');
  return `<details style="margin-top:4px"><summary style="color:${MUTED};cursor:pointer">Checked (${lines.length})</summary><ul style="margin:4px 0;padding-left:20px">${items}</ul></details>`;
}

/**
 * A checkpoint's result as a cell shows it: a compact pass/fail block, each problem with what,
 * why and the fix, and what was checked; themed with VS Code's colours so it reads in light and dark.
 *
 * @example
 * new CheckpointDisplay(result) // the value `await checkpoint('fairness')` shows
 */
export class CheckpointDisplay implements Displayable {
  constructor(readonly result: CheckpointResult) {}

  [MIME_BUNDLE](): MimeBundle {
    return { [MIME.html]: checkpointHtml(this.result), [MIME.text]: checkpointText(this.result) };
  }
}

/**
 * The result as HTML (what the cell shows).
 *
 * @example
 * checkpointHtml(result) // '<div …>✓ Split before fitting …'
 */
export function checkpointHtml(r: CheckpointResult): string {
  const colour = r.passed ? PASS : FAIL;
  const verdict = r.passed ? 'Passed' : `Failed (${r.problems.length} problem${r.problems.length === 1 ? '' : 's'})`;
  const head = `<div><span style="color:${colour};font-weight:700" aria-hidden="true">${r.passed ? '✓' : '✗'}</span> <b>${verdict}</b> · <b>${e(r.title)}</b> <span style="color:${MUTED}">checkpoint '${e(r.id)}'${r.runId ? ` · run ${e(r.runId)}` : ''}</span></div>`;
  const problems = r.problems.length ? `<ol style="margin:4px 0;padding-left:20px">${r.problems.map(problemHtml).join('')}</ol>` : '';
  return `<div style="border-left:4px solid ${colour};padding:4px 10px;margin:2px 0;color:var(--vscode-foreground, inherit);font-family:var(--vscode-font-family, sans-serif);font-size:var(--vscode-font-size, 13px);line-height:1.45">${head}${problems}${checkedHtml(r.checked)}</div>`;
}

/**
 * The result as plain text (the CLI and logs).
 *
 * @example
 * checkpointText(result) // "✗ Split before fitting (checkpoint 'split-before-fit'): 1 problem\n1. …"
 */
export function checkpointText(r: CheckpointResult): string {
  const head = `${r.passed ? '✓' : '✗'} ${r.title} (checkpoint '${r.id}'): ${r.passed ? 'passed' : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`}`;
  const problems = r.problems.map((p, i) => `${i + 1}. ${p.what}\n   Why: ${p.why}\n   Fix: ${p.fix}`);
  const checked = r.checked.map((l) => `  - ${l}`);
  return [head, ...problems, ...(checked.length ? ['Checked:', ...checked] : [])].join('\n');
}
