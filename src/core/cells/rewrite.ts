import { parse } from 'acorn';
import type { Node, Program, Statement, ModuleDeclaration, Pattern, VariableDeclaration, ImportDeclaration, Expression } from 'acorn';
import { simple as walkSimple } from 'acorn-walk';
import MagicString from 'magic-string';

import { KERNEL_GLOBAL } from './kernelGlobals';

export interface RewrittenCell {
  /** A classic script: `var <declared names>; (async () => { …cell… })()`. */
  code: string;
  /** Source map (v3 JSON) from `code` back to the JavaScript that was rewritten. */
  map: string;
  /** Whether the cell ends in an expression whose value is the cell's result. */
  hasResult: boolean;
  /** Top-level names the cell declares; they live on as globals for later cells. */
  declared: string[];
  /**
   * True when the cell had no async functions of its own, so its top-level awaits were already
   * turned into a generator driven by `__async` here; otherwise the async wrapper (and any async
   * functions) still need lowering (esbuild's `supported: { 'async-await': false }`).
   */
  lowered: boolean;
}

/**
 * Rewrites one cell's JavaScript (ES module syntax, top-level await allowed) into a script whose
 * top-level declarations persist across cells, as a REPL's do:
 * - `const`/`let`/`var`/`class` become assignments to hoisted globals, so re-running a cell that
 *   declares `const x` works;
 * - `function` declarations keep their hoisting and are also published as globals;
 * - `import … from 'm'` and `import('m')` go through the kernel's resolver (`__mb.import`);
 * - the last expression statement becomes the cell's result.
 * The body is wrapped so `await` works at the top level: as a generator driven by the kernel's
 * `__async` when the cell has no async functions of its own, else in an async arrow for esbuild
 * to lower.
 *
 * @example
 * rewriteCell('const x = await f();\nx + 1').code
 * // 'var x; (() => __async(this, null, function* () {void (x = (yield f()));\nreturn (x + 1);\n}))()'
 */
export function rewriteCell(js: string, fileName = 'cell.js'): RewrittenCell {
  const program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, allowHashBang: true }) as Program;
  return _rewrite(js, program, fileName);
}

function _rewrite(js: string, program: Program, fileName: string): RewrittenCell {
  const s = new MagicString(js);
  const declared = new Set<string>();
  const functions: string[] = [];
  let importCount = 0;
  const { awaits, needsLowering } = analyze(program, s);
  const lowered = !needsLowering;
  // Self-lowering: `await x` → `(yield x)` inside the generator the wrapper below hands to __async.
  if (lowered)
    for (const a of awaits) {
      s.overwrite(a.start, a.start + 'await'.length, '(yield');
      s.appendLeft(a.end, ')');
    }
  const awaitKw = lowered ? 'yield' : 'await';
  const body = program.body;
  for (const stmt of body) {
    const node = unwrapExport(stmt, s);
    if (!node) continue;
    switch (node.type) {
      case 'ImportDeclaration':
        rewriteImport(node, s, declared, `${KERNEL_GLOBAL}_m${importCount++}`, awaitKw);
        break;
      case 'VariableDeclaration':
        rewriteVariables(node, s, declared);
        break;
      case 'FunctionDeclaration':
        // Not hoisted as a `var`: the declaration stays local (keeping its hoisting in the cell)
        // and is published on globalThis for later cells.
        if (node.id) functions.push(node.id.name);
        break;
      case 'ClassDeclaration':
        if (node.id) {
          declared.add(node.id.name);
          s.appendLeft(node.start, `${node.id.name} = `);
          s.appendLeft(node.end, ';');
        }
        break;
      default:
        break;
    }
  }
  const hasResult = markResult(body, s);
  const names = [...declared];
  const firstAfterDirectives = body.find((st) => !isDirective(st));
  const publish = functions.map((f) => `globalThis.${f} = ${f}; `).join('');
  if (publish) {
    if (firstAfterDirectives) s.appendLeft(firstAfterDirectives.start, publish);
    else s.append(publish);
  }
  const hoist = names.length > 0 ? `var ${names.join(', ')}; ` : '';
  s.prepend(lowered ? `${hoist}(() => __async(this, null, function* () {` : `${hoist}(async () => {`);
  s.append(lowered ? '\n}))()' : '\n})()');
  const map = s.generateMap({ hires: true, source: fileName, includeContent: true });
  return { code: s.toString(), map: map.toString(), hasResult, declared: [...names, ...functions], lowered };
}

/** `export const x = 1` → `const x = 1` (then rewritten); `export { a }` disappears. */
function unwrapExport(stmt: Statement | ModuleDeclaration, s: MagicString): Statement | ImportDeclaration | undefined {
  switch (stmt.type) {
    case 'ExportNamedDeclaration':
      if (stmt.declaration) {
        s.remove(stmt.start, stmt.declaration.start);
        return stmt.declaration;
      }
      s.remove(stmt.start, stmt.end);
      return undefined;
    case 'ExportDefaultDeclaration': {
      s.remove(stmt.start, stmt.declaration.start);
      const d = stmt.declaration;
      if (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') return d.id ? d : undefined;
      return undefined;
    }
    case 'ExportAllDeclaration':
      s.remove(stmt.start, stmt.end);
      return undefined;
    default:
      return stmt;
  }
}

function rewriteImport(node: ImportDeclaration, s: MagicString, declared: Set<string>, temp: string, awaitKw: 'await' | 'yield'): void {
  const spec = JSON.stringify(node.source.value);
  const parts: string[] = [];
  for (const sp of node.specifiers) {
    declared.add(sp.local.name);
    if (sp.type === 'ImportDefaultSpecifier') parts.push(`${sp.local.name} = ${KERNEL_GLOBAL}.defaultOf(${temp});`);
    else if (sp.type === 'ImportNamespaceSpecifier') parts.push(`${sp.local.name} = ${temp};`);
    else {
      const imported = sp.imported.type === 'Identifier' ? sp.imported.name : String(sp.imported.value);
      parts.push(`${sp.local.name} = ${KERNEL_GLOBAL}.named(${temp}, ${JSON.stringify(imported)}, ${spec});`);
    }
  }
  const load = `(${awaitKw} ${KERNEL_GLOBAL}.import(${spec}))`;
  const text = parts.length > 0 ? `{ const ${temp} = ${load}; ${parts.join(' ')} }` : `${load};`;
  s.overwrite(node.start, node.end, text);
}

function rewriteVariables(node: VariableDeclaration, s: MagicString, declared: Set<string>): void {
  const decls = node.declarations;
  for (const d of decls) collectNames(d.id, declared);
  const assigns = decls.filter((d) => d.init || node.kind !== 'var');
  if (assigns.length === 0) {
    s.overwrite(node.start, node.end, ';');
    return;
  }
  // `const a = 1, {b} = o;` → `void (a = 1, {b} = o);`; a `let x;` resets x to undefined.
  s.overwrite(node.start, decls[0].start, 'void (');
  for (const d of decls) {
    if (!d.init && node.kind === 'var') s.appendLeft(d.id.end, ` = ${d.id.type === 'Identifier' ? d.id.name : 'void 0'}`);
    else if (!d.init) s.appendLeft(d.id.end, ' = void 0');
  }
  const last = decls[decls.length - 1];
  // Without its own `;` the rewritten statement could run into the next line (`(…)\n[1].map…`).
  s.appendLeft(last.end, s.original[node.end - 1] === ';' ? ')' : ');');
}

function collectNames(p: Pattern, out: Set<string>): void {
  switch (p.type) {
    case 'Identifier':
      out.add(p.name);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties) collectNames(prop.type === 'RestElement' ? prop.argument : prop.value, out);
      break;
    case 'ArrayPattern':
      for (const el of p.elements) if (el) collectNames(el, out);
      break;
    case 'RestElement':
      collectNames(p.argument, out);
      break;
    case 'AssignmentPattern':
      collectNames(p.left, out);
      break;
    default:
      break;
  }
}

/**
 * One walk over the cell: routes `import('m')` through the kernel, collects the awaits, and finds
 * whether anything but the top level is async (then esbuild lowers the cell instead).
 */
function analyze(program: Program, s: MagicString): { awaits: Node[]; needsLowering: boolean } {
  const awaits: Node[] = [];
  let needsLowering = false;
  const fn = (node: Node) => {
    if ((node as { async?: boolean }).async) needsLowering = true;
  };
  walkSimple(program as Node, {
    ImportExpression(node: Node) {
      s.overwrite(node.start, node.start + 'import'.length, `${KERNEL_GLOBAL}.import`);
    },
    MetaProperty(node: Node) {
      const m = node as Node & { meta: { name: string } };
      if (m.meta.name === 'import') s.overwrite(node.start, node.end, `${KERNEL_GLOBAL}.importMeta`);
    },
    AwaitExpression(node: Node) {
      awaits.push(node);
    },
    ForOfStatement(node: Node) {
      if ((node as { await?: boolean }).await) needsLowering = true;
    },
    FunctionDeclaration: fn,
    FunctionExpression: fn,
    ArrowFunctionExpression: fn,
  });
  return { awaits, needsLowering };
}

/**
 * The last statement, if an expression (but not an assignment), becomes `return (expr);`. A cell
 * that is a string literal (`'alive'`) parses as a directive, and is its value all the same.
 */
function markResult(body: (Statement | ModuleDeclaration)[], s: MagicString): boolean {
  const last = body[body.length - 1];
  if (!last || last.type !== 'ExpressionStatement') return false;
  const expr = (last as { expression: Expression }).expression;
  if (expr.type === 'AssignmentExpression') return false;
  // The statement, not the expression: `({ a: 1 });` has its parentheses outside the expression.
  const end = s.original[last.end - 1] === ';' ? last.end - 1 : last.end;
  s.appendLeft(last.start, 'return (');
  s.appendRight(end, ')');
  return true;
}

function isDirective(st: Statement | ModuleDeclaration): boolean {
  return st.type === 'ExpressionStatement' && typeof (st as { directive?: string }).directive === 'string';
}
