/**
 * Checks on JSON text that `JSON.parse` does not make: where a syntax error is (Node's message
 * often has no position) and whether nesting is deeper than our recursive code (stable
 * stringify, record readers, nbformat's Python) can follow. Both scan iteratively, so a
 * 100,000-deep `[[[[…` cannot overflow the stack here.
 */

/** Nesting deeper than this is refused: Python's json (nbformat, pandas) stops near 1,000 too. */
export const MAX_JSON_DEPTH = 1000;

/**
 * The 1-based line and column of an offset in text.
 *
 * @example
 * lineColumn('ab\ncd', 4) // { line: 2, column: 2 }
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The offset of the first bracket nested deeper than `max`, or undefined. Strings are skipped,
 * so brackets inside them do not count. Assumes nothing about validity.
 *
 * @example
 * jsonDepthOffset('[[1]]', 1) // 1
 */
export function jsonDepthOffset(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i) - 1;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** The offset just past the string starting at `i` (an opening quote), or the text's length. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters (U+0000–U+001F) inside strings: this is the check.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SPACE = /[ \t\n\r]*/y;

/**
 * The offset of the first syntax error in JSON text, or undefined when it is valid JSON.
 *
 * @example
 * jsonErrorOffset('{"a": 1,}') // 8
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const stack: string[] = [];
  const skip = () => {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    i = SPACE.lastIndex;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const key = (): boolean => {
    skip();
    if (!match(STRING)) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    skip();
    if (expectValue) {
      const c = text[i];
      if (c === '[' || c === '{') {
        stack.push(c);
        i++;
        skip();
        if (text[i] === (c === '[' ? ']' : '}')) {
          stack.pop();
          i++;
          expectValue = false;
        } else if (c === '{' && !key()) return i;
        continue;
      }
      if (!(match(STRING) || match(NUMBER) || ['true', 'false', 'null'].some((w) => text.startsWith(w, i) && (i += w.length)))) return i;
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : undefined;
    if (text[i] === ',') {
      i++;
      if (top === '{' && !key()) return i;
      expectValue = true;
    } else if (text[i] === (top === '[' ? ']' : '}')) {
      stack.pop();
      i++;
    } else return i;
  }
}
