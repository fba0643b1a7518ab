import { strict as assert } from 'node:assert';
import { chromium, type Browser, type Page } from 'playwright-core';
import { checkpointHtml } from '../../src/core/checkpoints/display';
import type { CheckpointResult } from '../../src/core/checkpoints/contract';

/**
 * A checkpoint's cell output as VS Code's notebook shows text/html: inside the output frame, whose
 * body carries the theme's --vscode-* variables, the editor background and the foreground colour.
 * Theme values are VS Code's defaults (Light Modern / Dark Modern). Text needs 4.5:1 (WCAG AA); an
 * icon glyph (✓ ✗ ⚠), 3:1 (WCAG non-text contrast).
 */
const THEMES = {
  light: {
    background: '#ffffff',
    vars: { foreground: '#3b3b3b', descriptionForeground: '#717171', errorForeground: '#a1260d', 'charts-green': '#388a34', 'testing-iconPassed': '#73c991', 'editorWarning-foreground': '#bf8803' },
  },
  dark: {
    background: '#1f1f1f',
    vars: { foreground: '#cccccc', descriptionForeground: '#9d9d9d', errorForeground: '#f85149', 'charts-green': '#89d185', 'testing-iconPassed': '#73c991', 'editorWarning-foreground': '#cca700' },
  },
} as const;

const page = (theme: keyof typeof THEMES, html: string) => {
  const t = THEMES[theme];
  const vars = Object.entries(t.vars)
    .map(([k, v]) => `--vscode-${k}: ${v};`)
    .join(' ');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { ${vars} --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; background: ${t.background}; color: var(--vscode-foreground); margin: 0; padding: 12px 20px; }
</style></head><body class="vscode-${theme}"><div id="output">${html}</div></body></html>`;
};

const FAILED: CheckpointResult = {
  id: 'split-before-fit',
  title: 'Split before fitting',
  passed: false,
  runId: '01JX0000000000000000000000',
  problems: [
    {
      what: 'fit Pipeline(LogisticRegression) was fitted on 1,309 rows: the whole table the test part was split from.',
      why: 'Preprocessing fitted before the split carries information from the test set into training.',
      fix: 'Call trainTestSplit first and fit the whole Pipeline on train only: await pipe.fit(train, label).',
    },
  ],
  checked: ['test data: evaluate Pipeline(LogisticRegression) (328 rows, the test part of trainTestSplit)', "warning: 'sex' group female has 12 test rows (< 30): too few to judge, not compared"],
};
const PASSED: CheckpointResult = {
  id: 'seeds-fixed',
  title: 'Seeds fixed',
  passed: true,
  problems: [],
  checked: ['fit Pipeline(LogisticRegression): trainTestSplit seed 42', "evaluation evaluate m: the evaluation's bootstrap seed 0 (the default: the same on every run)"],
};

/** Every piece of visible text in the output with its colour and the colour behind it (the first opaque background up the tree). */
async function textColours(p: Page): Promise<{ text: string; fg: number[]; bg: number[] }[]> {
  return p.evaluate(() => {
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const out: { text: string; fg: number[]; bg: number[] }[] = [];
    const walker = document.createTreeWalker(document.getElementById('output')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement!;
      if (!text || el.getClientRects().length === 0) continue;
      let bgEl: Element | null = el;
      let bg = [0, 0, 0, 0];
      while (bgEl && (bg.length < 4 ? false : bg[3] === 0)) {
        bg = rgba(getComputedStyle(bgEl).backgroundColor);
        if (bg.length === 3) break;
        bgEl = bgEl.parentElement;
      }
      out.push({ text, fg: rgba(getComputedStyle(el).color), bg });
    }
    return out;
  });
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('checkpoint output in Chromium, as a notebook shows text/html', function () {
  this.timeout(60_000);
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => browser?.close());

  for (const theme of ['light', 'dark'] as const) {
    for (const result of [FAILED, PASSED]) {
      it(`${theme}: the ${result.passed ? 'passing' : 'failing'} block shows what, why, fix and checked with contrast of at least 4.5:1`, async () => {
        const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await p.setContent(page(theme, checkpointHtml(result)));
        // The checked lines sit in a closed <details>: open it, as a reader would, so they are measured too.
        await p.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        if (process.env.CHECKPOINT_SCREENSHOTS) await p.screenshot({ path: `${process.env.CHECKPOINT_SCREENSHOTS}/checkpoint-${result.passed ? 'passed' : 'failed'}-${theme}.png` });
        const texts = await textColours(p);
        const shown = texts.map((t) => t.text).join('\n');
        for (const prob of result.problems) for (const part of [prob.what, prob.why, prob.fix]) assert.ok(shown.includes(part), `not shown: ${part}`);
        for (const line of result.checked) assert.ok(shown.includes(line), `not shown: ${line}`);
        assert.match(shown, result.passed ? /^Passed$/m : /^Failed \(1 problem\)$/m);
        const unreadable = texts.map((t) => ({ ...t, ratio: contrast(t.fg, t.bg) })).filter((t) => t.ratio < (/^[✓✗⚠]$/.test(t.text) ? 3 : 4.5));
        assert.deepEqual(
          unreadable.map((t) => `${t.text} (${t.ratio.toFixed(2)}:1, rgb(${t.fg.join(',')}) on rgb(${t.bg.join(',')}))`),
          [],
        );
        await p.close();
      });
    }
  }
});
