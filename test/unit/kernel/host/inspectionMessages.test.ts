import { strict as assert } from 'node:assert';
import { checkKernelMessage } from '../../../../src/kernel/host/kernelMessages';
import { KernelRequests } from '../../../../src/kernel/host/kernelRequests';
import type { KernelProcess } from '../../../../src/kernel/host/kernelProcess';

const variable = { name: 't', type: 'ColumnTable', summary: '3 × 2', shape: [3, 2], expandable: false, viewable: true };
const page = { columns: [{ name: 'a', type: 'number' }], totalRows: 2, offset: 0, rows: [[1], [null]] };

describe('checking the kernel’s answers for the Variables view and the data viewer', () => {
  const ok = (type: string, payload: unknown) => checkKernelMessage({ type, payload }).ok;

  it('accepts well-formed answers', () => {
    assert.ok(ok('variablesResult', { requestId: 1, items: [variable] }));
    assert.ok(ok('variablesResult', { requestId: 1, items: [], error: 'No variable x' }));
    assert.ok(ok('tablePageResult', { requestId: 2, page }));
    assert.ok(ok('tableStatsResult', { requestId: 3, stats: { column: 'a', type: 'number', count: 2, missing: 1, min: 1, max: 1, mean: 1, distinct: 1, top: [{ value: '1', count: 1 }] } }));
  });

  const bad: [string, string, unknown][] = [
    ['items that are not a list', 'variablesResult', { requestId: 1, items: 'boom' }],
    ['a variable without flags', 'variablesResult', { requestId: 1, items: [{ name: 'x', type: 't', summary: '' }] }],
    ['a huge summary', 'variablesResult', { requestId: 1, items: [{ ...variable, summary: 'x'.repeat(5000) }] }],
    ['a negative shape', 'variablesResult', { requestId: 1, items: [{ ...variable, shape: [-1] }] }],
    ['too many variables', 'variablesResult', { requestId: 1, items: Array.from({ length: 2001 }, () => variable) }],
    ['a row of the wrong width', 'tablePageResult', { requestId: 2, page: { ...page, rows: [[1, 2]] } }],
    ['a cell that is an object', 'tablePageResult', { requestId: 2, page: { ...page, rows: [[{ toString: 1 }]] } }],
    ['a page past its cell budget', 'tablePageResult', { requestId: 2, page: { ...page, columns: Array.from({ length: 1000 }, () => page.columns[0]), rows: Array.from({ length: 1001 }, () => []) } }],
    ['a fractional row count', 'tablePageResult', { requestId: 2, page: { ...page, totalRows: 1.5 } }],
    ['stats with a non-finite mean', 'tableStatsResult', { requestId: 3, stats: { column: 'a', type: 'number', count: 1, missing: 0, mean: Infinity } }],
    ['stats whose top values are objects', 'tableStatsResult', { requestId: 3, stats: { column: 'a', type: 'n', count: 1, missing: 0, top: [{ value: {}, count: 1 }] } }],
    ['an error that is not text', 'tableStatsResult', { requestId: 3, error: { message: 'x' } }],
  ];
  for (const [what, type, payload] of bad) {
    it(`refuses ${what}, naming the request it claims to answer`, () => {
      const c = checkKernelMessage({ type, payload });
      assert.equal(c.ok, false);
      if (!c.ok) assert.deepEqual([c.type, c.requestId], [type, (payload as { requestId: number }).requestId]);
    });
  }
});

describe('KernelRequests', () => {
  /** A kernel that records what it was asked and never ends. */
  const fakeKernel = () => {
    const sent: { type: string; payload: { requestId: number } }[] = [];
    const kernel = { send: (type: string, payload: { requestId: number }) => sent.push({ type, payload }), exited: new Promise(() => {}) } as unknown as KernelProcess;
    return { kernel, sent };
  };

  it('settles a request only with an answer of its own type and id', async () => {
    const { kernel, sent } = fakeKernel();
    const requests = new KernelRequests();
    const pending = requests.request(kernel, 'variables', { path: [] }, 5_000);
    const id = sent[0].payload.requestId;
    // A page or completions answer with the same id, and a variables answer with another id, settle nothing.
    requests.answer('tablePageResult', { requestId: id, error: 'steered' });
    requests.answer('completions', { requestId: id, items: [] });
    requests.answer('variablesResult', { requestId: id + 1, items: [] });
    requests.answer('variablesResult', { requestId: id, items: [variable] });
    assert.deepEqual(await pending, { ok: true, answer: { requestId: id, items: [variable] } });
  });

  it('settles at once, with the reason, when the answer was malformed; and on timeout', async () => {
    const { kernel, sent } = fakeKernel();
    const requests = new KernelRequests();
    const pending = requests.request(kernel, 'tablePage', { path: ['t'], offset: 0, limit: 10 }, 60_000);
    requests.refuse({ reason: 'tablePageResult: bad row', type: 'tablePageResult', requestId: sent[0].payload.requestId });
    const s = await pending;
    assert.equal(s.ok, false);
    assert.match(!s.ok ? s.why : '', /malformed answer \(tablePageResult: bad row\)/);
    const late = await requests.request(kernel, 'tableStats', { path: ['t'], column: 'a' }, 10);
    assert.match(!late.ok ? late.why : '', /did not answer the tableStats request within 10 ms/);
  });
});
