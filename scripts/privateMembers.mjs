// The members the `modelbook` module's classes declare `private` or `protected`, by class name.
// TypeScript erases those modifiers, so the running kernel cannot tell them from public members;
// completion from the kernel hides these names, as the shipped .d.ts (and so the TS plugin) does.
// usage (from esbuild.mjs): privateMembers(['src/core', 'src/kernel/modelbook'])
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** @returns {Record<string, string[]>} class name → its private and protected member names, sorted */
export function privateMembers(dirs) {
  /** @type {Map<string, Set<string>>} */
  const byClass = new Map();
  for (const dir of dirs) {
    for (const rel of fs.readdirSync(dir, { recursive: true }).map(String)) {
      if (!rel.endsWith('.ts') || rel.endsWith('.d.ts')) continue;
      const file = path.join(dir, rel);
      const text = fs.readFileSync(file, 'utf8');
      if (!/\b(private|protected)\s/.test(text)) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node) => {
        if (ts.isClassLike(node) && node.name) {
          const names = byClass.get(node.name.text) ?? new Set();
          for (const m of node.members) {
            if (hidden(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) names.add(m.name.text);
            // Constructor parameter properties: constructor(private readonly x: X).
            if (ts.isConstructorDeclaration(m)) for (const p of m.parameters) if (hidden(p) && ts.isIdentifier(p.name)) names.add(p.name.text);
          }
          if (names.size) byClass.set(node.name.text, names);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return Object.fromEntries([...byClass].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
}

function hidden(node) {
  return (ts.getCombinedModifierFlags(node) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
}
