import { strict as assert } from 'node:assert';
import { jsonDepthOffset, jsonErrorOffset, lineColumn } from '../../../../src/core/json/scan';

describe('core/json scan', () => {
  it('finds no error in valid JSON, whatever its shape', () => {
    for (const text of ['1', ' "a\\"b\\u00e9" ', '[]', '{}', '[1, -2.5e3, true, false, null, "x"]', '{"a": {"b": [1, {"c": []}]}, "d": "[{"}', '[[[[]]]]']) {
      assert.equal(jsonErrorOffset(text), undefined, text);
      JSON.parse(text);
    }
  });

  it('points at the first character JSON.parse refuses', () => {
    assert.equal(jsonErrorOffset('{"a": 1,}'), 8);
    assert.equal(jsonErrorOffset('[1 2]'), 3);
    assert.equal(jsonErrorOffset('[1, 2'), 5);
    assert.equal(jsonErrorOffset("{'a': 1}"), 1);
    assert.equal(jsonErrorOffset('1 1'), 2);
    assert.equal(jsonErrorOffset('['.repeat(100_000)), 100_000);
  });

  it('finds nesting deeper than the limit, ignoring brackets inside strings', () => {
    assert.equal(jsonDepthOffset('[[1]]', 1), 1);
    assert.equal(jsonDepthOffset('["[[[", {"a": "{{{\\"[["}]', 2), undefined);
    assert.equal(jsonDepthOffset('['.repeat(100_000)), 1000);
  });

  it('gives 1-based lines and columns', () => {
    assert.deepEqual(lineColumn('ab\ncd\nef', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumn('ab', 0), { line: 1, column: 1 });
  });
});
