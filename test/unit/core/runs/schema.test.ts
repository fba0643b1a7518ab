import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { schemaErrors, type CompiledValidator } from '../../../../src/core/runs/jsonSchema';
import { migrateRunRecord, RunVersionError } from '../../../../src/core/runs/migrate';
import { RUN_RECORD_SCHEMA } from '../../../../src/core/runs/schema';
import { isRunRecord, parseRunRecord, validateRunRecord } from '../../../../src/core/runs/validate';
import { FIXTURES, REPO } from '../../paths';
import { makeRecord } from './helpers';
import { runPython } from './python';

const VALID = path.join(FIXTURES, 'runs', 'valid');
const INVALID = path.join(FIXTURES, 'runs', 'invalid');
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('core/runs schema', () => {
  it('is the same document as schemas/run-record.schema.json in the repository', () => {
    const file = path.join(REPO, 'schemas', 'run-record.schema.json');
    const expected = `${JSON.stringify(RUN_RECORD_SCHEMA, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) fs.writeFileSync(file, expected);
    assert.equal(fs.readFileSync(file, 'utf8'), expected, 'schemas/run-record.schema.json is out of date: rerun this test with UPDATE_SCHEMA=1');
  });

  it('accepts every valid fixture, including the file-name check', () => {
    for (const name of fs.readdirSync(VALID)) {
      const r = parseRunRecord(read(VALID, name), name);
      assert.ok(r.ok, `${name}: ${r.ok ? '' : r.reason}`);
    }
  });

  it('rejects each invalid fixture with a reason that names the problem', () => {
    const expected: Record<string, RegExp> = {
      'array.json': /not a run record: the file must hold one JSON object/,
      'bad-history.json': /\/history\/metrics\/loss\/0: expected number or null, got string/,
      'history-length.json': /\/history\/metrics\/loss: has 4 values for 5 epochs/,
      'bad-id.json': /\/id: "run-1" does not match/,
      'bad-metric.json': /\/metrics\/auc: expected number or null, got string/,
      'bad-time.json': /\/startedAt: "yesterday" does not match/,
      'missing-id.json': /missing required "id"/,
      'too-new.json': /written by a newer Modelbook \(record version 2; this one reads up to 1\)/,
      'truncated.json': /not valid JSON/,
      'unknown-field.json': /\/accuracy: unknown property "accuracy"/,
      'wrong-status.json': /\/status: expected one of "running", "finished", "failed", "interrupted", got "done"/,
    };
    assert.deepEqual(fs.readdirSync(INVALID).sort(), Object.keys(expected).sort());
    for (const [name, reason] of Object.entries(expected)) {
      const r = parseRunRecord(read(INVALID, name));
      assert.equal(r.ok, false, name);
      if (!r.ok) assert.match(r.reason, reason, name);
    }
  });

  it('agrees with Python jsonschema (Draft 2020-12) on every fixture', function () {
    const docs = [...fs.readdirSync(VALID).map((n) => ({ n, valid: true, text: read(VALID, n) })), ...fs.readdirSync(INVALID).map((n) => ({ n, valid: false, text: read(INVALID, n) }))];
    const parsed = docs.filter((d) => d.n !== 'truncated.json').map((d) => ({ name: d.n, doc: JSON.parse(d.text) }));
    const script = `
import json, sys
from jsonschema import Draft202012Validator
d = json.load(sys.stdin)
Draft202012Validator.check_schema(d['schema'])
v = Draft202012Validator(d['schema'])
print(json.dumps({x['name']: v.is_valid(x['doc']) for x in d['docs']}))`;
    const python = runPython<Record<string, boolean>>(this, script, { schema: RUN_RECORD_SCHEMA, docs: parsed });
    for (const { name, doc } of parsed) {
      const ours = validateRunRecord(doc).length === 0;
      assert.equal(ours, docs.find((d) => d.n === name)!.valid, name);
      // Equal history lengths are the one rule JSON Schema cannot express; Modelbook checks it on top.
      if (name === 'history-length.json') assert.equal(python[name], true);
      else assert.equal(ours, python[name], `${name}: ours ${ours}, jsonschema ${python[name]}`);
    }
  });

  it('reports the file name when it does not match the run id', () => {
    const text = read(VALID, '01JNE3ZK00AAAAAAAAAAAAAAAA.json');
    const r = parseRunRecord(text, 'copy of run.json');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /file name does not match the run id 01JNE3ZK00AAAAAAAAAAAAAAAA/);
  });

  it('validates a record built in memory and type-guards it', () => {
    assert.ok(isRunRecord(makeRecord()));
    assert.ok(!isRunRecord({ ...makeRecord(), tags: ['a', 'a'] }), 'tags are unique');
    assert.ok(!isRunRecord({ ...makeRecord(), name: '' }), 'names are not empty');
    assert.deepEqual(validateRunRecord({ ...makeRecord(), kind: 'train' }), [
      { path: '/kind', message: 'expected one of "fit", "cv", "search", "trial", "evaluation", "problem", "card", "checkpoint", got "train"' },
    ]);
  });
});

describe('core/runs migrateRunRecord', () => {
  it('returns a current record unchanged and refuses records from a newer Modelbook', () => {
    const r = makeRecord() as unknown as Record<string, unknown>;
    assert.equal(migrateRunRecord(r), r);
    assert.throws(
      () => migrateRunRecord({ ...r, version: 7 }),
      (e: Error) => e instanceof RunVersionError && /newer Modelbook \(record version 7/.test(e.message),
    );
    assert.throws(() => migrateRunRecord({ ...r, version: 'one' }), /"version" must be a whole number/);
  });

  it('applies the migration hook step by step up to the current version', () => {
    const steps = {
      1: (x: Record<string, unknown>) => ({ ...x, version: 2, renamed: x.name }),
      2: (x: Record<string, unknown>) => ({ ...x, version: 3, tags: [...(x.tags as string[]), 'migrated'] }),
    };
    const out = migrateRunRecord({ ...(makeRecord() as unknown as Record<string, unknown>) }, steps, 3);
    assert.equal(out.version, 3);
    assert.equal(out.renamed, 'mlp');
    assert.deepEqual(out.tags, ['migrated']);
    assert.throws(() => migrateRunRecord({ version: 1 }, {}, 2), /no migration step from 1/);
    assert.throws(() => migrateRunRecord({ version: 1 }, { 1: (x) => x }, 2), /did not produce version 2/);
  });
});

describe('core/runs schema validator (Ajv standalone, compiled at build time)', () => {
  // The generator is plain ESM JavaScript (it runs without a build).
  type Generator = { generateRunRecordValidator(): string; OUT: string; AJV_OPTIONS: object };
  const load = () => import(path.join(REPO, 'scripts/build-schema-validator.mjs')) as Promise<Generator>;

  it('is generated from schemas/run-record.schema.json as it is now (else: node scripts/build-schema-validator.mjs)', async () => {
    const { generateRunRecordValidator, OUT } = await load();
    assert.equal(fs.readFileSync(path.join(REPO, OUT), 'utf8'), generateRunRecordValidator(), `${OUT} is stale: run node scripts/build-schema-validator.mjs`);
  });

  it("evaluates no code at run time and loads no module but Ajv's small runtime helpers", async () => {
    const { OUT } = await load();
    const text = fs.readFileSync(path.join(REPO, OUT), 'utf8');
    assert.doesNotMatch(text, /\bnew Function\b|\beval\(|\brequire\(/);
    assert.deepEqual(
      [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]),
      ['ajv/dist/runtime/ucs2length'],
    );
  });

  it('says what is wrong in one sentence per error, with JSON-pointer paths', async () => {
    const { AJV_OPTIONS } = await load();
    const validate = new Ajv2020(AJV_OPTIONS).compile({
      type: 'object',
      required: ['n', 'list'],
      additionalProperties: false,
      properties: {
        n: { type: 'integer', minimum: 0, maximum: 3 },
        s: { type: 'string', pattern: '^a', minLength: 1 },
        list: { type: 'array', items: { enum: ['x', 'y'] }, maxItems: 2, uniqueItems: true },
        m: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
      },
    });
    const check = (v: unknown) => schemaErrors(validate as CompiledValidator, v);
    assert.deepEqual(check({ n: 1, list: ['x'] }), []);
    assert.deepEqual(check({ n: 1.5, s: 'b', list: ['x', 'z', 'x'], extra: 1, m: { 'val/loss': 'high' } }), [
      { path: '/extra', message: 'unknown property "extra"' },
      { path: '/n', message: 'expected integer, got number' },
      { path: '/s', message: '"b" does not match ^a' },
      { path: '/list', message: 'must have at most 2 items, has 3' },
      { path: '/list/1', message: 'expected one of "x", "y", got "z"' },
      { path: '/list', message: 'items must be unique' },
      { path: '/m/val/loss', message: 'expected number or null, got string' },
    ]);
    assert.deepEqual(check({ n: 9, s: '' }), [
      { path: '', message: 'missing required "list"' },
      { path: '/n', message: 'must be at most 3, got 9' },
      { path: '/s', message: 'must not be empty' },
      { path: '/s', message: '"" does not match ^a' },
    ]);
  });
});
