// The messages rule (CONTRIBUTING.md, "Messages"), enforced by test/unit/scripts/messagesRule.test.ts:
// every user-facing sentence lives in the messages.ts module of its feature folder. Outside messages.ts,
// `new XError(...)` may not be given a sentence written in place (a string literal, a template literal, or a
// concatenation that starts with one), whether it is thrown, rejected or passed to a callback. The one
// exception is an internal invariant a user cannot trigger, whose text starts with `internal: `.
// usage: node scripts/check-messages.mjs [root]   (exit 1 and one line per violation)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOTS = ['src', 'webview'];
const INTERNAL = 'internal: ';

function* sourceFiles(root, dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(root, rel);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && entry.name !== 'messages.ts') yield rel;
  }
}

/** The text a literal argument starts with, or undefined when the argument is not written in place. */
function literalStart(node) {
  if (ts.isParenthesizedExpression(node)) return literalStart(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return literalStart(node.left);
  return undefined;
}

/** Every `new XError(<literal>)` in one source text that is not an `internal: ` invariant, as `file:line: …`. */
export function checkSource(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const problems = [];
  const visit = (node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text) && node.arguments?.length) {
      const start = literalStart(node.arguments[0]);
      if (start !== undefined && !start.startsWith(INTERNAL)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const shown = start.length > 60 ? `${start.slice(0, 59)}…` : start;
        problems.push(`${fileName}:${line + 1}: new ${node.expression.text}('${shown}') writes its sentence in place; move it to the folder's messages.ts (or start an invariant with '${INTERNAL}')`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** Every violation under src/ and webview/ of `root`. */
export function checkMessages(root) {
  const problems = [];
  for (const dir of ROOTS) for (const rel of sourceFiles(root, dir)) problems.push(...checkSource(rel, fs.readFileSync(path.join(root, rel), 'utf8')));
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkMessages(process.argv[2] ?? path.dirname(path.dirname(fileURLToPath(import.meta.url))));
  for (const p of problems) console.error(p);
  process.exit(problems.length ? 1 : 0);
}
