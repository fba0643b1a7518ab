/**
 * How runs print in tables (the CLI, the inline history): compact numbers, durations and local
 * times. Shared so the terminal and the notebook show the same text. Numbers and durations print
 * as everywhere else: text/number.
 */
import { MISSING_NUMBER } from '../text/number';

/**
 * An ISO time as local 'YYYY-MM-DD HH:MM' (the machine's time zone).
 *
 * @example
 * formatTime('2026-03-01T09:05:00.000Z') // '2026-03-01 09:05' with TZ=UTC
 */
export function formatTime(iso: string | undefined): string {
  if (!iso) return MISSING_NUMBER;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The shortest prefix of each id that no other id shares (at least `min` characters), for
 * tables where the full 26-character id is too wide; `modelbook runs show` accepts prefixes.
 *
 * @example
 * shortIds(['01JD0000AAAA', '01JD0000AABB'], 8) // Map { '01JD0000AAAA' => '01JD0000AAA', … }
 */
export function shortIds(ids: readonly string[], min = 8): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, string>();
  const common = (a: string | undefined, b: string) => {
    if (!a) return 0;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  sorted.forEach((id, i) => out.set(id, id.slice(0, Math.max(min, common(sorted[i - 1], id) + 1, common(sorted[i + 1], id) + 1))));
  return out;
}

/**
 * Rows of cells as aligned text columns (two spaces apart, each at most `maxWidth` wide; longer
 * cells end in '…'). Numbers-looking columns are right-aligned.
 *
 * @example
 * alignColumns([['name', 'auc'], ['mlp', '0.91']]) // 'name  auc\nmlp   0.91'
 */
export function alignColumns(rows: readonly string[][], maxWidth = 32): string {
  if (rows.length === 0) return '';
  const n = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.min(maxWidth, Math.max(...rows.map((r) => [...(r[i] ?? '')].length))));
  const numeric = Array.from({ length: n }, (_, i) => rows.slice(1).every((r) => /^(-?[\d.,]+(e[+-]?\d+)?|—|∞|-∞)?$/.test(r[i] ?? '')));
  const clip = (s: string, w: number) => ([...s].length > w ? [...s].slice(0, w - 1).join('') + '…' : s);
  const pad = (s: string, w: number, right: boolean) => (right ? s.padStart(w - ([...s].length - s.length)) : s + ' '.repeat(Math.max(0, w - [...s].length)));
  return rows
    .map((r) =>
      widths
        .map((w, i) => pad(clip(r[i] ?? '', w), w, numeric[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
