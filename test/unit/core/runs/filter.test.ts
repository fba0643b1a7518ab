import { strict as assert } from 'node:assert';
import { compileFilter } from '../../../../src/core/runs/filter/compile';
import { FilterSyntaxError } from '../../../../src/core/runs/filter/error';
import { parseFilter, parsePath } from '../../../../src/core/runs/filter/parse';
import { makeRows } from './helpers';

const rows = makeRows([
  { name: 'baseline', metrics: { auc: 0.85, loss: 0.4 }, params: { lr: 0.01, optimizer: { name: 'adam' } }, tags: ['baseline'], notebook: 'nb/churn.mlnb' },
  { name: 'deeper', metrics: { auc: 0.91, loss: 0.3 }, params: { lr: 0.001, 'hidden units': 64 }, tags: [], notebook: 'nb/churn.mlnb' },
  { name: 'failed', status: 'failed', metrics: {}, params: { lr: 0.1 }, tags: ['bad', 'baseline'], notebook: 'fraud.mlnb' },
  { name: 'Trees', kind: 'search', metrics: { auc: 0.79 }, params: {}, notebook: 'fraud.mlnb' },
]);
const names = (expr: string) => rows.filter(compileFilter(expr)).map((r) => r.name);

function syntaxError(expr: string, position: number, reason: RegExp) {
  assert.throws(
    () => compileFilter(expr),
    (e: Error) =>
      e instanceof FilterSyntaxError && e.position === position && reason.test(e.reason) && e.message.includes(`at column ${position + 1}`) && e.message.endsWith(`\n  ${' '.repeat(position)}^`),
    `${expr} → position ${position}`,
  );
}

describe('core/runs filter language', () => {
  it('compares numbers, strings and booleans', () => {
    assert.deepEqual(names('metrics.auc > 0.8 && params.lr <= 0.01'), ['baseline', 'deeper']);
    assert.deepEqual(names('status == "failed"'), ['failed']);
    assert.deepEqual(names("status != 'finished'"), ['failed']);
    assert.deepEqual(names('metrics.auc >= 0.85'), ['baseline', 'deeper']);
    assert.deepEqual(names('params.lr < .005'), ['deeper']);
    assert.deepEqual(names('params.lr > -1e-3'), ['baseline', 'deeper', 'failed']);
  });

  it('gives && precedence over ||, ! over both, and parentheses over all', () => {
    assert.deepEqual(names('name == "Trees" || name == "deeper" && metrics.auc > 0.95'), ['Trees'], 'a || (b && c)');
    assert.deepEqual(names('(name == "Trees" || name == "deeper") && metrics.auc > 0.8'), ['deeper']);
    assert.deepEqual(names('!(status == "finished")'), ['failed']);
    assert.deepEqual(names('!status == "finished"'), ['failed'], 'a comparison binds tighter than !');
    assert.deepEqual(names('not tags has "baseline" and kind == "fit"'), ['deeper']);
    assert.deepEqual(names('!!(metrics.auc > 0.9)'), ['deeper']);
    assert.deepEqual(names('kind == "search" AND metrics.auc < 0.8 or name == "baseline"'), ['baseline', 'Trees']);
  });

  it('matches text with ~ (contains, any case), lists with has and in', () => {
    assert.deepEqual(names('notebook ~ "CHURN"'), ['baseline', 'deeper']);
    assert.deepEqual(names('notebook !~ "churn"'), ['failed', 'Trees']);
    assert.deepEqual(names('name ~ "tree"'), ['Trees']);
    assert.deepEqual(names('tags has "baseline"'), ['baseline', 'failed']);
    assert.deepEqual(names('"bad" in tags'), ['failed']);
    assert.deepEqual(names('status in ["failed", "interrupted"]'), ['failed']);
    assert.deepEqual(names('params has "lr"'), ['baseline', 'deeper', 'failed']);
    assert.deepEqual(names('params.optimizer.name == "adam"'), ['baseline']);
    assert.deepEqual(names('params["hidden units"] == 64'), ['deeper']);
  });

  it('treats missing values as no match for ordering and as null for equality', () => {
    assert.deepEqual(names('metrics.auc < 0.8'), ['Trees']);
    assert.deepEqual(names('metrics.auc == null'), ['failed']);
    assert.deepEqual(names('metrics.loss != 0.4'), ['deeper', 'failed', 'Trees']);
    assert.deepEqual(names('metrics.auc'), ['baseline', 'deeper', 'Trees'], 'a bare path is true when present');
    assert.deepEqual(names('tags'), ['baseline', 'failed'], 'an empty list is false');
    assert.deepEqual(names('metrics.auc > "0.5"'), [], 'a number never orders against text');
  });

  it('reads only a row’s own data, never prototype members', () => {
    assert.deepEqual(names('params.constructor'), []);
    assert.deepEqual(names('params.__proto__ == null'), ['baseline', 'deeper', 'failed', 'Trees']);
    assert.deepEqual(names('params has "toString"'), []);
  });

  it('points at the problem in a malformed filter', () => {
    syntaxError('metrics.auc >', 13, /Expected a value after ">"/);
    syntaxError('metrics.auc = 0.8', 12, /Use == to compare/);
    syntaxError('metrics.auc > 0.8 & x', 18, /Use && \(or and\)/);
    syntaxError('name == "open', 8, /no closing quote/);
    syntaxError('(status == "failed"', 19, /Expected a closing "\)", found the end of the filter/);
    syntaxError('status == "failed" status', 19, /Expected &&, \|\| or the end of the filter, found "status"/);
    syntaxError('0 < metrics.auc < 1', 16, /cannot be chained/);
    syntaxError('status in "failed"', 10, /in needs a list/);
    syntaxError('notebook ~ 3', 11, /~ needs a text/);
    syntaxError('metrics.auc > 0.8 # comment', 18, /Unexpected character "#"/);
    syntaxError('', 0, /The filter is empty/);
    syntaxError('metrics.', 8, /Expected a name after "\."/);
  });

  it('names an unknown field and suggests the closest one', () => {
    syntaxError('metric.auc > 0.8', 0, /Unknown field "metric" \(did you mean "metrics"\?\)/);
    syntaxError('x == 1 || stauts == "failed"', 0, /Unknown field "x"/);
    syntaxError('name == "a" || stauts == "failed"', 15, /did you mean "status"/);
    assert.doesNotThrow(() => compileFilter('anything.goes', { fields: null }));
  });

  it('parses deep nesting up to a limit instead of overflowing the stack', () => {
    assert.doesNotThrow(() => compileFilter(`${'('.repeat(50)}status == "failed"${')'.repeat(50)}`));
    assert.throws(() => compileFilter(`${'('.repeat(5000)}status${')'.repeat(5000)}`), /nests too deeply/);
    assert.throws(() => compileFilter(`${'!'.repeat(5000)}status`), /nests too deeply/);
  });

  it('builds a tree and reads paths for sort keys and columns', () => {
    const t = parseFilter('a.b == 1 || c');
    assert.equal(t.type, 'or');
    assert.deepEqual(parsePath('params["learning rate"][0]').segments, ['params', 'learning rate', 0]);
    assert.equal(parsePath('params.layers[0]').text, 'params.layers[0]');
    assert.throws(() => parsePath('metrics.auc > 1'), FilterSyntaxError);
  });
});
