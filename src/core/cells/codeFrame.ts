/**
 * A few lines of source around `line` with a caret under `column` (both 1-based), as compilers print.
 *
 * @example
 * codeFrame('const a = 1;\nb + 1', 2, 1)
 * // '  1 | const a = 1;\n> 2 | b + 1\n    | ^'
 */
export function codeFrame(source: string, line: number, column: number, indent = '', context = 2): string {
  const lines = source.split('\n');
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === line ? '>' : ' ';
    out.push(`${indent}${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  out.push(`${indent}  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  return out.join('\n');
}
