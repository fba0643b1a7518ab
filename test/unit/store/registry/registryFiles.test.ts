import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addVersion, newRegistryModel } from '../../../../src/core/registry/edits';
import { listRegistryModels, readRegistryModel, RegistryFileError, writeRegistryModel } from '../../../../src/store/registry/registryFiles';

const by = { name: 'Ada', email: '' };
const at = '2026-12-07T10:00:00.000Z';
const model = (name: string) => addVersion(newRegistryModel(name), { contentHash: 'a'.repeat(64), path: `models/${name}`, runs: {}, createdAt: at, createdBy: by }).model;

describe('store/registry: registry files', () => {
  let ws: string;
  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-registry-')));
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('writes one file per model atomically and reads it back; a missing model is undefined', () => {
    const file = writeRegistryModel(ws, model('churn'));
    assert.equal(file, path.join(ws, '.modelbook', 'registry', 'churn.json'));
    assert.deepEqual(readRegistryModel(ws, 'churn'), model('churn'));
    assert.equal(readRegistryModel(ws, 'fraud'), undefined);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['churn.json']); // no temp file left behind
  });

  it('refuses to write a model that would not read back, leaving the old file whole', () => {
    writeRegistryModel(ws, model('churn'));
    const before = fs.readFileSync(path.join(ws, '.modelbook/registry/churn.json'), 'utf8');
    const bad = { ...model('churn'), aliases: { champion: 5 } };
    assert.throws(() => writeRegistryModel(ws, bad), /aliases\.champion points at version 5.*nothing was written/);
    assert.equal(fs.readFileSync(path.join(ws, '.modelbook/registry/churn.json'), 'utf8'), before);
  });

  it('refuses a symlinked registry folder, for reads and writes', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-elsewhere-'));
    fs.mkdirSync(path.join(ws, '.modelbook'));
    fs.symlinkSync(elsewhere, path.join(ws, '.modelbook', 'registry'));
    assert.throws(
      () => writeRegistryModel(ws, model('churn')),
      (e: Error) => e instanceof RegistryFileError && /is a symbolic link/.test(e.message),
    );
    assert.throws(() => readRegistryModel(ws, 'churn'), /is a symbolic link/);
    assert.deepEqual(fs.readdirSync(elsewhere), []);
    fs.rmSync(elsewhere, { recursive: true });
  });

  it('refuses a file that holds another model, a symlinked file, and lists the good ones with the problems', () => {
    writeRegistryModel(ws, model('churn'));
    writeRegistryModel(ws, model('fraud'));
    const dir = path.join(ws, '.modelbook', 'registry');
    fs.copyFileSync(path.join(dir, 'fraud.json'), path.join(dir, 'copy.json'));
    fs.symlinkSync(path.join(dir, 'churn.json'), path.join(dir, 'link.json'));
    assert.throws(() => readRegistryModel(ws, 'copy'), /holds the model "fraud"/);
    const { models, problems } = listRegistryModels(ws);
    assert.deepEqual(
      models.map((m) => m.name),
      ['churn', 'fraud'],
    );
    assert.deepEqual(
      problems.map((p) => p.file),
      ['.modelbook/registry/copy.json', '.modelbook/registry/link.json'],
    );
  });
});
