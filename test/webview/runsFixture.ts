// Generated run records for the Experiments panel's tests and benchmark (deterministic).
import type { Page } from 'playwright-core';
import type { RunRecord } from '../../src/core/runs/contract';
import { toMetricHistory } from '../../src/core/runs/metricHistory';
import { summarizeRun } from '../../src/core/runs/summary';
import type { PanelRun } from '../../src/protocol/experiments';
import { toPanelRun } from '../../src/core/runs/collect';

const NOTEBOOKS = ['churn.mlnb', 'fraud.mlnb', 'notebooks/credit.mlnb', 'notebooks/ltv.mlnb'];
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** Run `i`: a fit with 5–40 epochs; ids sort by start time (ULID-like, 26 characters). */
export function makeRunRecord(i: number): RunRecord {
  const r = (k: number) => ((i * 2654435761 + k * 40503) >>> 0) / 2 ** 32;
  const epochs = 5 + Math.floor(r(1) * 36);
  const lr = [0.1, 0.03, 0.01, 0.003, 0.001][i % 5];
  const auc = Number((0.6 + r(2) * 0.35).toFixed(4));
  const start = T0 + i * 60_000;
  const history = toMetricHistory(
    Array.from({ length: epochs }, (_, e) => ({
      epoch: e + 1,
      metrics: { loss: Number((0.7 / (1 + e * lr * 10) + r(3 + e) * 0.01).toFixed(5)), accuracy: Number((0.6 + 0.3 * (1 - 1 / (1 + e * 0.1))).toFixed(4)) },
    })),
  );
  return {
    version: 1,
    id: `01K${String(i).padStart(23, '0')}`,
    name: `${['MLPClassifier', 'LogisticRegression'][i % 2]} #${i}`,
    kind: 'fit',
    status: i % 17 === 0 ? 'failed' : 'finished',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + epochs * 500).toISOString(),
    heartbeatAt: new Date(start + epochs * 500).toISOString(),
    notebook: NOTEBOOKS[i % NOTEBOOKS.length],
    cellId: `cell${i % 7}`,
    seed: i % 10,
    params: { lr, batchSize: [32, 64, 128][i % 3], hidden: [16, 32, 64][i % 3], optimizer: i % 4 === 0 ? 'sgd' : 'adam' },
    metrics: { auc, accuracy: Number((auc - 0.05).toFixed(4)), loss: Number((1 - auc).toFixed(4)) },
    history,
    data: [{ role: 'train', name: 'customers.csv', fingerprint: { hash: 'a1b2c3d4e5f60718', rows: 8000, columns: [{ name: 'x', type: 'number' }] } }],
    gates: [],
    environment: { libraries: { modelbook: '0.1.0' }, backend: 'cpu' },
    tags: i % 10 === 0 ? ['baseline'] : [],
    notes: '',
  } as RunRecord;
}

export function makePanelRuns(n: number): PanelRun[] {
  return Array.from({ length: n }, (_, i) => toPanelRun(summarizeRun(makeRunRecord(i), `.modelbook/runs/${makeRunRecord(i).id}.json`)));
}

/**
 * Posts `setRuns` (sent as one JSON string: Playwright serializes large objects slowly) and returns
 * the milliseconds from the message to rows on screen and the main thread free again (the table
 * answers input), measured in the page.
 */
export async function sendRuns(page: Page, payload: { runs: PanelRun[]; problems: { path: string; reason: string }[] }): Promise<number> {
  return page.evaluate(async (json) => {
    // Runs in the page (typed loosely: this file is also compiled without the DOM library, for the benchmark).
    const w = globalThis as any;
    const message = { type: 'setRuns', payload: JSON.parse(json) };
    const t0 = w.performance.now();
    w.postMessage(message, '*');
    await new Promise<void>((resolve) => {
      const check = () => (w.document.querySelector('.row[data-id]') ? resolve() : w.requestAnimationFrame(check));
      w.requestAnimationFrame(check);
    });
    // A task queued now runs once the main thread is free: the table takes input from then on.
    await new Promise((r) => setTimeout(r, 0));
    return w.performance.now() - t0;
  }, JSON.stringify(payload));
}

/** The panel page for the harness (loads dist/webview/experiments.js with a stand-in VS Code API). */
export const EXPERIMENTS_PAGE = `<!doctype html><html><head><meta charset="utf-8"></head>
<body class="vscode-light"><div id="root"></div><script type="module" src="/test/webview/pages/experiments-page.js"></script></body></html>`;
