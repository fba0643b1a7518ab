// The Experiments panel at 1k / 10k / 50k runs: RunIndex open (cold: read + validate + summarise
// every file; and with the summary cache, which only stats unchanged files), the message the host
// sends (size), and the panel's first render in Chromium: from the `setRuns` message to rows on
// screen with the main thread free (time to an interactive table), then a header-click sort and a
// filter in the page, against the same query run on the host (RunIndex.query) — which is where
// the panel filters and sorts was decided from these numbers.
// usage: node out/bench/experimentsPanel.bench.js [sizes, default 1000,10000,50000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringifyRunRecord } from '../src/core/runs/stringify';
import { validateRunRecord } from '../src/core/runs/validate';
import { ensureRunFolders } from '../src/store/runs/paths';
import { RunIndex } from '../src/store/runs/runIndex';
import { toPanelRun } from '../src/core/runs/collect';
import { startHarness } from '../test/webview/harness';
import { EXPERIMENTS_PAGE, makeRunRecord, sendRuns } from '../test/webview/runsFixture';

const SIZES = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const FILTER = 'metrics.auc > 0.8 && params.lr <= 0.01';

function ms(t0: number): number {
  return Math.round(performance.now() - t0);
}

async function main(): Promise<void> {
  const problems = validateRunRecord(makeRunRecord(1));
  if (problems.length) throw new Error(`the generated record is not valid: ${JSON.stringify(problems).slice(0, 400)}`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-panel-'));
  const h = await startHarness({ '/experiments': EXPERIMENTS_PAGE });
  const table: string[][] = [['runs', 'open cold', 'open cached', 'message', 'first render', 'sort (page)', 'filter (page)', 'filter+sort (host)']];
  try {
    for (const n of SIZES) {
      const ws = path.join(root, `ws-${n}`);
      const dir = ensureRunFolders(ws);
      for (let i = 0; i < n; i++) {
        const r = makeRunRecord(i);
        fs.writeFileSync(path.join(dir, `${r.id}.json`), stringifyRunRecord(r));
      }
      const cacheFile = path.join(root, `cache-${n}.json`);
      let t0 = performance.now();
      const cold = await RunIndex.open(ws, { cacheFile });
      const openCold = ms(t0);
      if (cold.size !== n) throw new Error(`indexed ${cold.size} of ${n} runs: ${JSON.stringify(cold.problems().slice(0, 3))}`);
      t0 = performance.now();
      const index = await RunIndex.open(ws, { cacheFile });
      const openCached = ms(t0);
      t0 = performance.now();
      const host = index.query({ filter: FILTER, sort: '-metrics.auc' });
      const hostQuery = ms(t0);
      const runs = index.rows().map(toPanelRun);
      const bytes = JSON.stringify(runs).length;

      const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${h.url}/experiments`);
      await page.waitForFunction(() => (globalThis as any).__fromWebview.some((m: { type: string }) => m.type === 'ready'));
      const render = await sendRuns(page, { runs, problems: [] });
      const sort = await page.evaluate(async () => {
        const w = globalThis as any;
        const t = w.performance.now();
        w.document.querySelector('.hcell[data-key="metrics.auc"]').click();
        await new Promise((r) => setTimeout(r, 0));
        return w.performance.now() - t;
      });
      const filter = await page.evaluate(async (expr) => {
        const w = globalThis as any;
        const field = w.document.getElementById('filter');
        const t = w.performance.now();
        field.value = expr;
        field.dispatchEvent(new w.Event('input'));
        // The filter box waits 120 ms for typing to pause; count from then.
        await new Promise<void>((resolve) => {
          const check = () => (/ of /.test(w.document.getElementById('summary').textContent) ? resolve() : setTimeout(check, 1));
          check();
        });
        return w.performance.now() - t - 120;
      }, FILTER);
      const shown = Number((await page.textContent('#summary'))!.split(' ')[0]);
      if (shown !== host.matched) throw new Error(`the page matched ${shown} runs, the host ${host.matched}`);
      await page.close();
      table.push([
        String(n),
        `${openCold} ms`,
        `${openCached} ms`,
        `${(bytes / 1e6).toFixed(1)} MB`,
        `${Math.round(render)} ms`,
        `${Math.round(sort)} ms`,
        `${Math.round(filter)} ms`,
        `${hostQuery} ms`,
      ]);
      console.log(table.at(-1)!.join('  '));
      fs.rmSync(ws, { recursive: true, force: true });
    }
  } finally {
    await h.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  console.log('\n' + table.map((r) => r.map((v, c) => v.padStart(widths[c])).join('  ')).join('\n'));
  console.log('\nfirst render: the setRuns message to rows on screen with the main thread free (time to an interactive table), in Chromium.');
  console.log('Target: < 1 s at 10,000 runs.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
