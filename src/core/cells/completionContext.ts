/**
 * What a cursor in a cell asks to complete, and which names a cell declares — the pure half of
 * completion from the kernel's live values (src/vscode/completion.ts asks the kernel).
 */

/** `model.pre|` → `{ path: ['model'], prefix: 'pre' }`; `mod|` → `{ path: [], prefix: 'mod' }`. */
export interface CompletionContext {
  path: string[];
  prefix: string;
}

const IDENT = '[A-Za-z_$][\\w$]*';
const CHAIN = new RegExp(`(^|[^\\w$.\\])'"\`])((?:${IDENT}\\s*\\??\\.\\s*)*)(${IDENT})?$`);

/**
 * The name chain before the cursor, or undefined when there is none to complete: inside a string
 * or a line comment, or after a call or an index (`f().`, `a[0].` would need evaluating code).
 *
 * @example
 * completionContext('const p = model.predictPr') // { path: ['model'], prefix: 'predictPr' }
 * completionContext("console.log('a.b")         // undefined (inside a string)
 */
export function completionContext(linePrefix: string): CompletionContext | undefined {
  if (insideStringOrComment(linePrefix)) return undefined;
  const m = CHAIN.exec(linePrefix);
  if (!m) return undefined;
  const path = m[2] ? m[2].split(/\s*\??\.\s*/).filter(Boolean) : [];
  const prefix = m[3] ?? '';
  if (path.length === 0 && prefix === '') return undefined;
  return { path, prefix };
}

function insideStringOrComment(line: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/') return true;
  }
  return quote !== undefined;
}

/**
 * Whether a cell is an ES module to TypeScript (it has a top-level `import` or `export`), which
 * hides its names from other cells in VS Code's IntelliSense (the kernel still shares them).
 *
 * @example
 * isModuleCell("import { readCSV } from 'modelbook';") // true
 * isModuleCell('const x = await import("m")')          // false
 */
export function isModuleCell(text: string): boolean {
  return /^[ \t]*(?:import\s*(?:type\s+)?(?:[\w$*{]|['"])|export\b)/m.test(text);
}

/**
 * The names a cell declares at the top level (a line-based reading: declarations that start a
 * line, and import bindings).
 *
 * @example
 * topLevelNames("import * as aq from 'arquero';\nconst { a, b: c } = f();\nfunction g() {}") // Set { 'aq', 'a', 'c', 'g' }
 */
export function topLevelNames(text: string): Set<string> {
  const names = new Set<string>();
  const add = (n: string | undefined) => n && /^[A-Za-z_$][\w$]*$/.test(n) && names.add(n);
  for (const m of text.matchAll(new RegExp(`^[ \\t]*(?:export\\s+)?(?:const|let|var)\\s+(${IDENT})`, 'gm'))) add(m[1]);
  for (const m of text.matchAll(/^[ \t]*(?:export\s+)?(?:const|let|var)\s*[{[](.*?)[}\]]\s*=(?!=)/gm)) {
    for (const part of m[1].split(','))
      add(
        part
          .split('=')[0]
          .split(':')
          .pop()!
          .replace(/[.{}[\]\s]/g, ''),
      );
  }
  for (const m of text.matchAll(new RegExp(`^[ \\t]*(?:export\\s+)?(?:async\\s+)?(?:function\\s*\\*?|class)\\s*(${IDENT})`, 'gm'))) add(m[1]);
  for (const m of text.matchAll(/^[ \t]*import\s+(?:type\s+)?([^'";]+?)\s+from\s*['"]/gm)) {
    const clause = m[1];
    const ns = /\*\s*as\s+([\w$]+)/.exec(clause);
    if (ns) add(ns[1]);
    const def = /^([\w$]+)/.exec(clause.trim());
    if (def) add(def[1]);
    const named = /\{([^}]*)\}/.exec(clause);
    if (named)
      for (const part of named[1].split(','))
        add(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .replace(/^type\s+/, '')
            .trim(),
        );
  }
  return names;
}
