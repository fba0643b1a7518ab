import { strict as assert } from 'node:assert';
import type { InputSchema, OutputSchema } from '../../../../src/core/package/contract';
import { ProtocolError } from '../../../../src/core/serve/contract';
import { decodeInferRequest, decodeRecordsRequest } from '../../../../src/core/serve/decodeInfer';
import { encodeInferResponse, modelMetadata } from '../../../../src/core/serve/encodeInfer';
import { Counter, Histogram, renderMetrics } from '../../../../src/core/serve/metrics';

const schema: InputSchema = {
  columns: [
    { name: 'age', type: 'number', nullable: false, min: 18, max: 90 },
    { name: 'plan', type: 'string', nullable: false, categories: ['basic', 'pro'] },
    { name: 'active', type: 'boolean', nullable: true },
  ],
};

/** The status and message of the ProtocolError `fn` throws. */
function refusal(fn: () => unknown): { status: number; message: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ProtocolError, `expected a ProtocolError, got ${String(e)}`);
    return { status: e.status, message: e.message };
  }
  assert.fail('expected a refusal');
}

describe('core/serve decodeInferRequest', () => {
  it('turns one tensor per column into records, [n] and [n, 1] shapes alike', () => {
    const r = decodeInferRequest(
      {
        id: 'r1',
        inputs: [
          { name: 'age', shape: [2, 1], datatype: 'FP64', data: [[41], [33]] },
          { name: 'plan', shape: [2], datatype: 'BYTES', data: ['pro', 'basic'] },
          { name: 'active', shape: [2], datatype: 'BOOL', data: [true, null] },
        ],
      },
      schema,
    );
    assert.deepEqual(r, {
      id: 'r1',
      proba: false,
      onInvalid: 'fail',
      records: [
        { age: 41, plan: 'pro', active: true },
        { age: 33, plan: 'basic', active: null },
      ],
    });
  });

  it('takes a single BYTES tensor of JSON records, as objects or strings', () => {
    const r = decodeInferRequest(
      { inputs: [{ name: 'records', shape: [2], datatype: 'BYTES', data: ['{"age": 41, "plan": "pro"}', { age: 20, plan: 'basic' }] }], parameters: { proba: true } },
      schema,
    );
    assert.deepEqual(r.records, [
      { age: 41, plan: 'pro' },
      { age: 20, plan: 'basic' },
    ]);
    assert.equal(r.proba, true);
  });

  it('asks for probabilities when an output named proba is requested, and reads on_invalid', () => {
    const r = decodeInferRequest({ inputs: [{ name: 'age', shape: [1], datatype: 'INT64', data: [41] }], outputs: [{ name: 'proba' }], parameters: { on_invalid: 'skip' } }, schema);
    assert.equal(r.proba, true);
    assert.equal(r.onInvalid, 'skip');
  });

  const cases: [string, unknown, RegExp][] = [
    ['a body that is not an object', [1], /v2 infer request/],
    ['no inputs', { inputs: [] }, /"inputs" must be a non-empty array/],
    ['a datatype outside v2', { inputs: [{ name: 'age', shape: [1], datatype: 'FLOAT', data: [1] }] }, /inputs\[0\]\.datatype must be one of BOOL/],
    ['a bad shape', { inputs: [{ name: 'age', shape: [-1], datatype: 'FP64', data: [1] }] }, /inputs\[0\]\.shape must be/],
    ['data that does not fill the shape', { inputs: [{ name: 'age', shape: [3], datatype: 'FP64', data: [1, 2] }] }, /inputs\[0\]: shape \[3\] holds 3 values but data has 2/],
    ['a two-dimensional column', { inputs: [{ name: 'age', shape: [1, 2], datatype: 'FP64', data: [1, 2] }] }, /inputs\[0\]: a column tensor has shape \[rows\]/],
    [
      'an unknown input',
      {
        inputs: [
          { name: 'age', shape: [1], datatype: 'FP64', data: [1] },
          { name: 'income', shape: [1], datatype: 'FP64', data: [1] },
        ],
      },
      /inputs\[1\]: "income" is not an input column/,
    ],
    [
      'a string tensor for a number column',
      { inputs: [{ name: 'age', shape: [1], datatype: 'BYTES', data: ['41'] }] },
      /inputs\[0\] \("age"\): datatype BYTES does not fit the number column; send FP64/,
    ],
    ['a number tensor for a text column', { inputs: [{ name: 'plan', shape: [1], datatype: 'FP32', data: [1] }] }, /inputs\[0\] \("plan"\): datatype FP32 does not fit the string column; send BYTES/],
    ['a value that is not of the datatype', { inputs: [{ name: 'age', shape: [2], datatype: 'FP64', data: [1, 'x'] }] }, /inputs\[0\]\.data\[1\]: "x" is not a FP64 value/],
    ['a fraction in an INT64 tensor', { inputs: [{ name: 'age', shape: [1], datatype: 'INT64', data: [1.5] }] }, /inputs\[0\]\.data\[0\]: 1\.5 is not a INT64 value/],
    [
      'columns of different lengths',
      {
        inputs: [
          { name: 'age', shape: [2], datatype: 'FP64', data: [1, 2] },
          { name: 'plan', shape: [1], datatype: 'BYTES', data: ['pro'] },
        ],
      },
      /inputs\[1\] \("plan"\) has 1 rows but inputs\[0\] \("age"\) has 2/,
    ],
    [
      'the same column twice',
      {
        inputs: [
          { name: 'age', shape: [1], datatype: 'FP64', data: [1] },
          { name: 'age', shape: [1], datatype: 'FP64', data: [2] },
        ],
      },
      /inputs\[1\]: input "age" is given twice/,
    ],
    ['a record tensor holding no object', { inputs: [{ name: 'records', shape: [1], datatype: 'BYTES', data: ['[1]'] }] }, /inputs\[0\]\.data\[0\] must be a JSON object/],
    ['a bad on_invalid', { inputs: [{ name: 'age', shape: [1], datatype: 'FP64', data: [1] }], parameters: { on_invalid: 'drop' } }, /parameters\.on_invalid must be "fail", "skip" or "null"/],
  ];
  for (const [what, body, message] of cases) {
    it(`refuses ${what} with a 400 naming the field`, () => {
      const r = refusal(() => decodeInferRequest(body, schema));
      assert.equal(r.status, 400);
      assert.match(r.message, message);
    });
  }
});

describe('core/serve decodeRecordsRequest', () => {
  it('takes {records} with options, or a bare array', () => {
    assert.deepEqual(decodeRecordsRequest({ records: [{ age: 1 }], proba: true, on_invalid: 'null' }), { records: [{ age: 1 }], proba: true, onInvalid: 'null' });
    assert.deepEqual(decodeRecordsRequest([{ age: 1 }]), { records: [{ age: 1 }], proba: false, onInvalid: 'fail' });
  });

  it('refuses a body without records, and a record that is not an object, naming its index', () => {
    assert.match(refusal(() => decodeRecordsRequest({ rows: [] })).message, /\{"records": \[/);
    assert.match(refusal(() => decodeRecordsRequest([{ age: 1 }, 7])).message, /records\[1\] must be an object/);
  });
});

describe('core/serve encodeInferResponse and modelMetadata', () => {
  const output: OutputSchema = { task: 'binary', classes: ['no', 'yes'], positiveLabel: 'yes' };

  it('returns predict as BYTES and proba as [rows, classes] FP64 with the classes named', () => {
    const r = encodeInferResponse('churn', 'abc', output, [{ prediction: 'yes', probabilities: { no: 0.25, yes: 0.75 } }, null], [0, 2], true, 'r1');
    assert.deepEqual(r, {
      model_name: 'churn',
      model_version: 'abc',
      id: 'r1',
      parameters: { rows: [0, 2] },
      outputs: [
        { name: 'predict', shape: [2], datatype: 'BYTES', data: ['yes', null] },
        { name: 'proba', shape: [2, 2], datatype: 'FP64', parameters: { classes: ['no', 'yes'] }, data: [0.25, 0.75, null, null] },
      ],
    });
  });

  it('uses FP64 for regression, INT64 and BOOL for integer and boolean classes', () => {
    assert.equal(encodeInferResponse('m', 'v', { task: 'regression' }, [{ prediction: 1.5 }], [0], true).outputs.length, 1);
    assert.equal(encodeInferResponse('m', 'v', { task: 'regression' }, [{ prediction: 1.5 }], [0], false).outputs[0].datatype, 'FP64');
    assert.equal(encodeInferResponse('m', 'v', { task: 'multiclass', classes: [0, 1, 2] }, [{ prediction: 1 }], [0], false).outputs[0].datatype, 'INT64');
    assert.equal(encodeInferResponse('m', 'v', { task: 'binary', classes: [false, true] }, [{ prediction: true }], [0], false).outputs[0].datatype, 'BOOL');
  });

  it('describes each input column as a tensor of the datatype to send', () => {
    const manifest = { name: 'churn', flavour: 'modelbook', modelType: 'Pipeline', contentHash: 'f'.repeat(64), signature: { inputs: schema, outputs: output } };
    const m = modelMetadata({ manifest } as never);
    assert.deepEqual(m.inputs, [
      { name: 'age', datatype: 'FP64', shape: [-1] },
      { name: 'plan', datatype: 'BYTES', shape: [-1] },
      { name: 'active', datatype: 'BOOL', shape: [-1] },
    ]);
    assert.deepEqual(m.versions, ['ffffffffffff']);
    assert.deepEqual(m.outputs[1], { name: 'proba', datatype: 'FP64', shape: [-1, 2] });
  });
});

describe('core/serve metrics', () => {
  it('renders counters and cumulative histograms in the Prometheus text format', () => {
    const c = new Counter('requests_total', 'Requests.');
    c.inc({ route: '/predict', status: '200' });
    c.inc({ route: '/predict', status: '200' });
    c.inc({ route: 'a"b', status: '400' });
    const h = new Histogram('latency_seconds', 'Latency.', [0.1, 1]);
    h.observe(0.05);
    h.observe(0.5);
    h.observe(5);
    assert.equal(
      renderMetrics([c, h]),
      [
        '# HELP requests_total Requests.',
        '# TYPE requests_total counter',
        'requests_total{route="/predict",status="200"} 2',
        'requests_total{route="a\\"b",status="400"} 1',
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{le="0.1"} 1',
        'latency_seconds_bucket{le="1"} 2',
        'latency_seconds_bucket{le="+Inf"} 3',
        'latency_seconds_sum 5.55',
        'latency_seconds_count 3',
        '',
      ].join('\n'),
    );
  });
});
