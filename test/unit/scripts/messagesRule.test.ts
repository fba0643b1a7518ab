import { strict as assert } from 'node:assert';
import path from 'node:path';
import { REPO } from '../paths';

// The checker is plain ESM JavaScript, like scripts/check-layers.mjs.
type Checker = { checkMessages: (root: string) => string[]; checkSource: (fileName: string, text: string) => string[] };
const load = () => import(path.join(REPO, 'scripts/check-messages.mjs')) as Promise<Checker>;

describe('the messages rule (scripts/check-messages)', () => {
  it('finds no sentence written in place under src/ and webview/', async () => {
    const { checkMessages } = await load();
    assert.deepEqual(checkMessages(REPO), []);
  });

  it('names each thrown, rejected or passed-on literal sentence by file and line', async () => {
    const { checkSource } = await load();
    const source = [
      "import { fooMessage } from './messages';",
      'export function f(fn: string, n: number, reject: (e: Error) => void): void {',
      "  if (n < 0) throw new RangeError('n must be ≥ 0.');",
      '  if (n > 9) throw new TypeError(`${fn}: n is ${n}, too big.`);',
      '  if (n === 5) reject(new Error(`five`));',
      "  if (n === 6) throw new GitRevisionError('Revision ' + n + ' is refused.');",
      '  if (n === 7)',
      '    throw new Error(',
      '      `${fn}: seven.`,',
      '    );',
      '  if (n === 1) throw new RangeError(fooMessage.one(fn));',
      "  if (n === 2) throw new Error('internal: the cache holds every key it was given');",
      '  if (n === 3) throw new Error(`internal: row ${n} was never filled`);',
      '}',
    ].join('\n');
    const problems = checkSource('src/core/foo/f.ts', source);
    assert.deepEqual(
      problems.map((p) => p.split(': ')[0]),
      ['src/core/foo/f.ts:3', 'src/core/foo/f.ts:4', 'src/core/foo/f.ts:5', 'src/core/foo/f.ts:6', 'src/core/foo/f.ts:8'],
      problems.join('\n'),
    );
    assert.match(problems[0], /new RangeError\('n must be ≥ 0\.'\) writes its sentence in place; move it to the folder's messages\.ts/);
  });

  it('leaves messages built elsewhere and errors without a sentence alone', async () => {
    const { checkSource } = await load();
    const source = ['const e = new Error();', 'const f = new Error(text, { cause: e });', "const g = new Map([['a', 1]]);", 'throw new AbortError(reason);'].join('\n');
    assert.deepEqual(checkSource('webview/x/y.ts', source), []);
  });
});
