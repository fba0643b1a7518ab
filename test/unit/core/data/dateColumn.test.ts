import { strict as assert } from 'node:assert';
import { escape, op, table, toArrowIPC, fromArrow } from 'arquero';
import { DateColumn } from '../../../../src/core/data/dateColumn';
import { parseCSV } from '../../../../src/core/data/parseCSV';

describe('core/data DateColumn', () => {
  const t = parseCSV('when,v\n2021-03-01,1\n2020-01-01,2\n,3\n2021-03-01,4\n');

  it('hands out Dates (null for missing) and reads back as an array', () => {
    const c = t.column('when') as DateColumn;
    assert.ok(c instanceof DateColumn);
    assert.equal(c.length, 4);
    assert.equal((c.at(0) as Date).toISOString(), '2021-03-01T00:00:00.000Z');
    assert.equal(c.at(2), null);
    assert.deepEqual(
      c.toArray().map((d) => d?.getTime() ?? null),
      [Date.UTC(2021, 2, 1), Date.UTC(2020, 0, 1), null, Date.UTC(2021, 2, 1)],
    );
  });

  // The same data with an ordinary array of Dates: every verb must give the same result.
  const plain = table({ when: (t.column('when') as DateColumn).toArray(), v: Array.from(t.array('v') as ArrayLike<number>) });
  const same = (f: (x: typeof t) => unknown) => assert.deepEqual(JSON.parse(JSON.stringify(f(t))), JSON.parse(JSON.stringify(f(plain))));

  it('gives the same results as an array of Dates in filter, derive, orderby, groupby and joins', () => {
    same((x) => x.filter((d: { when: Date }) => op.year(d.when) === 2021).objects());
    assert.deepEqual(t.filter((d: { when: Date }) => op.year(d.when) === 2021).array('v'), [1, 4]);
    same((x) => x.derive({ y: (d: { when: Date }) => op.year(d.when), m: (d: { when: Date }) => op.month(d.when) }).objects());
    same((x) => x.orderby('when').objects());
    assert.deepEqual(t.orderby('when').array('v'), [3, 2, 1, 4]);
    same((x) => x.groupby('when').count().objects());
    same((x) =>
      x
        .groupby('when')
        .rollup({ total: op.sum('v') })
        .objects(),
    );
    same((x) => x.filter(escape((d: { when: Date | null }) => d.when !== null && d.when.getTime() === Date.UTC(2020, 0, 1))).objects());
    const other = table({ when: [new Date(Date.UTC(2021, 2, 1))], label: ['march'] });
    same((x) => x.join_left(other, 'when').objects());
    assert.deepEqual(t.join(other, 'when').array('v'), [1, 4]);
  });

  it('survives the Arrow round trip', () => {
    const back = fromArrow(toArrowIPC(t));
    assert.equal((back.get('when', 1) as Date).toISOString(), '2020-01-01T00:00:00.000Z');
    assert.equal(back.get('when', 2), null);
  });
});
