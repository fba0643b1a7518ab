import { strict as assert } from 'node:assert';
import { table } from 'arquero';
import { inferInputSchema, validateRecords } from '../../../../src/core/package';
import type { InputSchema, RowProblem } from '../../../../src/core/package/contract';

describe('inferInputSchema', () => {
  it('gives each column its type, nullability, sorted categories and training range (dates as epoch ms)', () => {
    const t = table({
      age: [41, NaN, 19, 63],
      plan: ['pro', 'basic', 'pro', ''],
      active: [true, false, true, true],
      since: [new Date('2020-01-02T00:00:00Z'), new Date('2019-05-01T00:00:00Z'), null, new Date('2021-03-04T00:00:00Z')],
      label: ['a', 'b', 'a', 'b'],
    });
    assert.deepEqual(inferInputSchema(t, ['age', 'plan', 'active', 'since']).columns, [
      { name: 'age', type: 'number', nullable: true, min: 19, max: 63 },
      { name: 'plan', type: 'string', nullable: true, categories: ['basic', 'pro'] },
      { name: 'active', type: 'boolean', nullable: false, categories: [false, true] },
      { name: 'since', type: 'date', nullable: true, min: Date.UTC(2019, 4, 1), max: Date.UTC(2021, 2, 4) },
    ]);
  });

  it('refuses a column that mixes types and names unknown columns', () => {
    assert.throws(() => inferInputSchema(table({ x: [1, 'a'] })), /column "x" mixes value types/);
    assert.throws(() => inferInputSchema(table({ x: [1] }), ['y']), /column "y" not in the table \(it has "x"\)/);
  });
});

describe('validateRecords', () => {
  const schema: InputSchema = {
    columns: [
      { name: 'age', type: 'number', nullable: false, min: 18, max: 90 },
      { name: 'plan', type: 'string', nullable: false, categories: ['basic', 'pro'] },
      { name: 'since', type: 'date', nullable: true },
    ],
  };
  const cases: [string, Record<string, unknown>, Omit<RowProblem, 'message' | 'row'>[], RegExp?][] = [
    ['a valid row (out-of-range numbers are scored, a nullable column may be absent)', { age: 120, plan: 'pro' }, []],
    ['a required column absent', { plan: 'pro' }, [{ column: 'age', kind: 'missing-column' }], /Row 1: column "age" is missing/],
    ['null where training never saw a missing value', { age: null, plan: 'pro' }, [{ column: 'age', kind: 'missing-value' }], /Row 1: column "age" is null, .*Fill it in/],
    ['text in a number column', { age: 'old', plan: 'pro' }, [{ column: 'age', kind: 'wrong-type' }], /Row 1: column "age" is "old" \(string\), but the model expects a number/],
    ['a category training never saw', { age: 30, plan: 'gold' }, [{ column: 'plan', kind: 'unknown-category' }], /"gold", a category training never saw \(known: "basic", "pro"\)\. Map it/],
    ['a date as ISO text or epoch ms', { age: 30, plan: 'basic', since: '2024-01-01' }, []],
    ['an unparseable date', { age: 30, plan: 'basic', since: 'soon' }, [{ column: 'since', kind: 'wrong-type' }], /expects a date \(ISO 8601 text or epoch milliseconds\)/],
  ];
  for (const [what, record, expected, message] of cases) {
    it(what, () => {
      const problems = validateRecords(schema, [{ age: 30, plan: 'basic' }, record]);
      assert.deepEqual(
        problems.map(({ column, kind }) => ({ column, kind })),
        expected,
      );
      problems.forEach((p) => assert.equal(p.row, 1));
      if (message) assert.match(problems[0].message.replace('Row 2', 'Row 1'), message);
      if (message) assert.match(problems[0].message, /^Row 2:/, 'rows are 1-based in messages');
    });
  }
});
