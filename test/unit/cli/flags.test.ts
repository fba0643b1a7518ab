import { strict as assert } from 'node:assert';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { parseFlags } from '../../../src/cli/flags';
import { runRunsCommand } from '../../../src/cli/runs';

const usageError = (pattern: RegExp) => (e: unknown) => e instanceof UsageError && pattern.test(e.message);

async function runs(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runRunsCommand(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, '/nonexistent-modelbook-workspace');
  return { code, stdout, stderr };
}

describe('cli: one argument style for every verb', () => {
  it('takes --flag value and --flag=value alike, on every verb', () => {
    const spaced = parseArgs(['run', 'a.mlnb', '--out', 'b.mlnb', '--memory-limit-mb', '512']);
    const joined = parseArgs(['run', 'a.mlnb', '--out=b.mlnb', '--memory-limit-mb=512']);
    assert.deepEqual(spaced, joined);
    assert.deepEqual(parseArgs(['install-node', '--registry', 'https://r.example/']), parseArgs(['install-node', '--registry=https://r.example/']));
    const spec = { sort: { type: 'string' }, limit: { type: 'string' } } as const;
    assert.deepEqual(parseFlags('runs', ['--sort', 'name', '--limit=3'], spec).values, { sort: 'name', limit: '3' });
  });

  it("takes a value that starts with '-' as the value (a descending sort key)", () => {
    assert.deepEqual(parseFlags('runs', ['--sort', '-metrics.auc'], { sort: { type: 'string' } }).values, { sort: '-metrics.auc' });
  });

  it('names an unknown option and lists the valid ones, on every verb', () => {
    assert.throws(() => parseArgs(['run', 'a.mlnb', '--fast']), usageError(/^Unknown option "--fast" for modelbook run \(valid: --out, .*--allow-net, --env, --help\)\.$/));
    assert.throws(() => parseArgs(['install-node', '--force']), usageError(/^Unknown option "--force" for modelbook install-node \(valid: --registry, --help\)\.$/));
    assert.throws(() => parseFlags('runs', ['--fast'], { json: { type: 'boolean' } }), usageError(/Unknown option "--fast" for modelbook runs \(valid: --json, --help\)/));
  });

  it('says which option lacks its value, and which flag takes none', () => {
    assert.throws(() => parseArgs(['run', 'a.mlnb', '--out']), usageError(/^Option --out needs a value\.$/));
    assert.throws(() => parseArgs(['run', 'a.mlnb', '--print=yes']), usageError(/^Option --print takes no value\.$/));
  });

  it('answers --help (and -h) after any verb', async () => {
    assert.deepEqual(parseArgs(['run', '--help']), { command: 'help', verb: 'run' });
    assert.deepEqual(parseArgs(['run', 'a.mlnb', '-h']), { command: 'help', verb: 'run' });
    assert.deepEqual(parseArgs(['install-node', '--help']), { command: 'help', verb: 'install-node' });
    const help = await runs(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: modelbook runs/);
  });

  it('exits 2 with the verb usage for a usage error of runs, as for run', async () => {
    const r = await runs(['--fast']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Unknown option "--fast" for modelbook runs \(valid: .*--csv, --help\)\.\nUsage: modelbook runs/);
  });

  it('refuses a second notebook instead of calling it an option', () => {
    assert.throws(() => parseArgs(['run', 'a.mlnb', 'b.mlnb']), usageError(/^Unexpected argument "b\.mlnb" for modelbook run\.$/));
  });

  it('keeps repeatable options in order', () => {
    const a = parseArgs(['run', 'a.mlnb', '--allow-read', 'data', '--allow-read=models', '--env', 'A=1', '--env=B=2=3']);
    assert.equal(a.command, 'run');
    if (a.command !== 'run') return;
    assert.deepEqual(a.sandbox.allowRead, ['data', 'models']);
    assert.deepEqual(a.env, { A: '1', B: '2=3' });
  });
});
