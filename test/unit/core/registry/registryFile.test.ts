import { strict as assert } from 'node:assert';
import type { RegistryModel } from '../../../../src/core/registry/contract';
import { addVersion, newRegistryModel, recordDecision, resolveVersion, setAlias } from '../../../../src/core/registry/edits';
import { parseRegistryModel, serializeRegistryModel } from '../../../../src/core/registry/registryFile';

const by = { name: 'Ada', email: 'ada@example.com' };
const at = '2026-12-07T10:00:00.000Z';
const hash = (c: string) => c.repeat(64);
const entry = (c: string) => ({ contentHash: hash(c), path: 'models/churn', runs: { evaluation: `01JD${c.toUpperCase()}` }, createdAt: at, createdBy: by });

function twoVersions(): RegistryModel {
  let m = newRegistryModel('churn');
  m = addVersion(m, entry('a')).model;
  m = setAlias(m, 'champion', 1, { by, at });
  m = addVersion(m, entry('b')).model;
  return m;
}

describe('core/registry: the registry file format', () => {
  it('round-trips through its text, and the text is stable (same registry, same bytes)', () => {
    const m = twoVersions();
    const text = serializeRegistryModel(m);
    const back = parseRegistryModel(text);
    assert.equal(back.kind, 'ok');
    assert.deepEqual(back.kind === 'ok' && back.value, m);
    assert.equal(serializeRegistryModel(back.kind === 'ok' ? back.value : m), text);
    assert.ok(text.endsWith('}\n'));
  });

  it('numbers versions in order, keeps one version per content hash, and records each registration', () => {
    let m = twoVersions();
    const again = addVersion(m, entry('a'));
    assert.equal(again.added, false);
    assert.equal(again.version.version, 1);
    assert.equal(again.model, m);
    m = addVersion(m, entry('c')).model;
    assert.deepEqual(
      m.versions.map((v) => v.version),
      [1, 2, 3],
    );
    assert.deepEqual(
      m.history.map((d) => `${d.action} v${d.version}`),
      ['register v1', 'alias v1', 'register v2', 'register v3'],
    );
  });

  it('moves an alias and remembers the version it pointed at; promote and reject enter the history', () => {
    let m = twoVersions();
    m = setAlias(m, 'champion', 2, {
      by,
      at,
      action: 'promote',
      reasons: ['the gate passes on the challenger'],
      diff: { hash: hash('d'), verdict: 'no significant metric change', baseRun: 'r1', headRun: 'r2' },
    });
    assert.equal(m.aliases.champion, 2);
    const last = m.history[m.history.length - 1]!;
    assert.equal(last.action, 'promote');
    assert.equal(last.previous, 1);
    m = recordDecision(m, { action: 'reject', version: 1, reasons: ['significantly worse on auc'], at, by });
    assert.equal(m.history.length, 5);
    assert.equal(m.aliases.champion, 2);
    assert.throws(() => recordDecision(m, { action: 'reject', version: 7, reasons: [], at, by }), /churn has no version or alias "7"; it has versions 1–2 and the aliases champion/);
    assert.throws(() => setAlias(m, 'has space', 1, { by, at }), /The alias "has space" is not usable/);
  });

  it('resolves a version by number, vN or alias, and names what exists when it cannot', () => {
    const m = twoVersions();
    assert.equal(resolveVersion(m, '2').version, 2);
    assert.equal(resolveVersion(m, 'v1').version, 1);
    assert.equal(resolveVersion(m, 'champion').version, 1);
    assert.throws(() => resolveVersion(m, 'constructor'), /no version or alias "constructor"/);
    assert.throws(() => resolveVersion(newRegistryModel('x'), '1'), /x has no versions yet/);
    assert.throws(() => newRegistryModel('../evil'), /model name "..\/evil" is not usable/);
  });

  describe('refuses a corrupt or hostile file with the reason, never a throw', () => {
    const good = () => JSON.parse(serializeRegistryModel(twoVersions())) as Record<string, unknown> & { versions: Record<string, unknown>[]; history: Record<string, unknown>[] };
    const cases: [string, (o: ReturnType<typeof good>) => unknown, RegExp][] = [
      ['not JSON', () => '{"kind": ', /the file is not JSON/],
      ['an array', () => [], /the registry file must be an object/],
      ['another kind of file', (o) => ({ ...o, kind: 'modelbook.package' }), /kind must be 'modelbook.registry-model'/],
      ['a newer format', (o) => ({ ...o, formatVersion: 2 }), /formatVersion 2 is newer than this Modelbook reads/],
      ['an unknown field', (o) => ({ ...o, extra: 1 }), /unknown field "extra"/],
      ['a name that is a path', (o) => ({ ...o, name: '../../etc/passwd' }), /name: The model name/],
      ['versions out of order', (o) => ({ ...o, versions: [o.versions[1], o.versions[0]] }), /versions\[0\]\.version must be 1/],
      ['two versions of one package', (o) => ({ ...o, versions: [o.versions[0], { ...o.versions[1], contentHash: o.versions[0]!.contentHash }] }), /repeats the content hash of version 1/],
      ['a bad hash', (o) => ({ ...o, versions: [{ ...o.versions[0], contentHash: 'abc' }, o.versions[1]] }), /contentHash must be 64 lowercase hex digits/],
      ['a path out of the workspace', (o) => ({ ...o, versions: [{ ...o.versions[0], path: '../elsewhere' }, o.versions[1]] }), /path must be a workspace-relative path/],
      ['an absolute path', (o) => ({ ...o, versions: [{ ...o.versions[0], path: '/etc' }, o.versions[1]] }), /path must be a workspace-relative path/],
      ['an alias to nowhere', (o) => ({ ...o, aliases: { champion: 3 } }), /aliases\.champion points at version 3/],
      ['a prototype-polluting alias', () => '{"kind":"modelbook.registry-model","formatVersion":1,"name":"m","versions":[],"aliases":{"__proto__":1},"history":[]}', /alias/],
      ['a history entry about a missing version', (o) => ({ ...o, history: [{ ...o.history[0], version: 9 }] }), /history\[0\]\.version must be/],
      ['a bad time', (o) => ({ ...o, history: [{ ...o.history[0], at: 'yesterday' }] }), /history\[0\]\.at must be an ISO 8601 date-time/],
      ['an unknown action', (o) => ({ ...o, history: [{ ...o.history[0], action: 'delete' }] }), /action must be one of 'register', 'alias', 'promote', 'reject'/],
      ['too many versions', (o) => ({ ...o, versions: new Array(10_001).fill(o.versions[0]) }), /versions has more than 10000 entries/],
    ];
    for (const [what, make, reason] of cases)
      it(what, () => {
        const v = make(good());
        const r = parseRegistryModel(typeof v === 'string' ? v : JSON.stringify(v));
        assert.equal(r.kind, 'invalid');
        assert.match(r.kind === 'invalid' ? r.reason : '', reason);
      });
  });
});
