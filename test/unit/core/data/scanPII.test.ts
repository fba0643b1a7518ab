import { strict as assert } from 'node:assert';
import { table } from 'arquero';
import { detectPII, maskValue, scanPII } from '../../../../src/core/data/scanPII';
import { matchSensitiveName } from '../../../../src/core/data/pii/names';

describe('core/data scanPII', () => {
  it('flags columns of e-mails, phones, SSNs, cards, IPs and long digit ids with shares and masked examples', () => {
    const n = 40;
    const t = table({
      contact: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? null : `user${i}@example.com`)),
      tel: Array.from({ length: n }, (_, i) => (i % 2 ? `+1 (555) 010-${String(1000 + i)}` : `+4420794${String(60000 + i)}`)),
      tax: Array.from({ length: n }, (_, i) => `123-45-${String(6789 + i).padStart(4, '0')}`),
      pan: Array.from({ length: n }, (_, i) => (i % 2 ? '4111 1111 1111 1111' : '5500-0000-0000-0004')),
      host: Array.from({ length: n }, (_, i) => (i % 2 ? `192.168.0.${i}` : '2001:db8::ff00:42:8329')),
      national: Array.from({ length: n }, (_, i) => 123456780 + i * 7),
      amount: Array.from({ length: n }, (_, i) => i * 1.5),
      city: Array.from({ length: n }, () => 'Utrecht'),
    });
    const r = scanPII(t);
    const kinds = Object.fromEntries(r.columns.map((c) => [c.column, c.values.map((v) => v.kind)]));
    assert.deepEqual(kinds.contact, ['email']);
    assert.deepEqual(kinds.tel, ['phone']);
    assert.deepEqual(kinds.tax, ['ssn']);
    assert.deepEqual(kinds.pan, ['creditCard']);
    assert.deepEqual(kinds.host, ['ipAddress']);
    assert.deepEqual(kinds.national, ['nationalId']);
    assert.equal(kinds.amount, undefined);
    assert.equal(kinds.city, undefined);
    const email = r.columns.find((c) => c.column === 'contact')!;
    assert.equal(email.checked, 30);
    assert.equal(email.values[0].share, 1);
    assert.equal(email.values[0].examples[0], 'us•••@•••••••.•om');
    assert.ok(!email.values[0].examples.some((e) => e.includes('user1@example')));
  });

  it('does not take dates, decimals, short numbers or invalid card numbers for personal data', () => {
    for (const v of ['2024-03-05', '2024-03-05 10:20:30', '3.14159265', '12345', '4111 1111 1111 1112', '999-12-3456', '1.2.3', 'hello world']) assert.deepEqual(detectPII(v), [], v);
  });

  it('flags sensitive column names: identifiers, quasi-identifiers and protected attributes', () => {
    assert.deepEqual(matchSensitiveName('customerEmail'), { kind: 'identifier', meaning: 'an e-mail address' });
    assert.equal(matchSensitiveName('first_name')?.meaning, 'a person’s name');
    assert.equal(matchSensitiveName('Name')?.kind, 'identifier');
    assert.equal(matchSensitiveName('file_name'), undefined);
    assert.equal(matchSensitiveName('DOB')?.kind, 'quasiIdentifier');
    assert.equal(matchSensitiveName('zip_code')?.kind, 'quasiIdentifier');
    for (const n of ['gender', 'Race', 'religion', 'age_group', 'marital_status']) assert.equal(matchSensitiveName(n)?.kind, 'sensitiveAttribute', n);
    assert.equal(matchSensitiveName('average_price'), undefined);
    const r = scanPII(table({ gender: ['f', 'm'], score: [1, 2] }));
    assert.deepEqual(r.flagged, ['gender']);
  });

  it('masks the middle of a value', () => {
    assert.equal(maskValue('ana.lopez@example.org'), 'an•.•••••@•••••••.•rg');
    assert.equal(maskValue('123-45-6789'), '12•-••-••89');
  });
});
