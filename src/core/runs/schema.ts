/**
 * The JSON Schema of a run record, version 1. `schemas/run-record.schema.json` in the repository is
 * this object written with `stringifyStable` (a unit test keeps the two identical), so reviewers
 * and other tools (Python's `jsonschema`, editors) validate the same thing Modelbook does. The
 * order of `properties` is also the key order records are written in (see `stringifyRunRecord`).
 */
export const RUN_RECORD_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/modelbook/modelbook/schemas/run-record.schema.json',
  title: 'Modelbook run record',
  description: "One fit, cross-validation, search, search trial or evaluation, a problem definition or model card's prose, or a checkpoint's result, as stored in .modelbook/runs/<id>.json.",
  type: 'object',
  required: ['version', 'id', 'name', 'kind', 'status', 'startedAt', 'heartbeatAt', 'params', 'metrics', 'history', 'data', 'gates', 'environment', 'tags', 'notes'],
  additionalProperties: false,
  properties: {
    version: { description: 'Record format version.', const: 1 },
    id: { $ref: '#/$defs/runId' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { enum: ['fit', 'cv', 'search', 'trial', 'evaluation', 'problem', 'card', 'checkpoint'] },
    status: { enum: ['running', 'finished', 'failed', 'interrupted'] },
    parentId: { $ref: '#/$defs/runId' },
    startedAt: { $ref: '#/$defs/time' },
    endedAt: { $ref: '#/$defs/time' },
    heartbeatAt: { $ref: '#/$defs/time' },
    host: {
      type: 'object',
      required: ['hostname', 'pid'],
      additionalProperties: false,
      properties: { hostname: { type: 'string' }, pid: { type: 'integer', minimum: 0 } },
    },
    notebook: { description: "Workspace-relative, '/'-separated.", type: 'string' },
    cellId: { type: 'string' },
    session: { description: 'The kernel session that recorded it: a new id on every kernel start and restart.', type: 'string', maxLength: 64 },
    codeHash: { type: 'string' },
    seed: { type: 'number' },
    params: { type: 'object' },
    pipeline: {
      description: 'A pipeline\'s steps in order (the estimator last, named "estimator"): name, class and parameters, bounded.',
      type: 'array',
      maxItems: 51,
      items: {
        type: 'object',
        required: ['name', 'kind', 'params'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, kind: { type: 'string' }, params: { type: 'object' } },
      },
    },
    splitter: {
      description: "Cross-validation and searches: the splitter's class ('kFold' for a number of folds, 'folds' for explicit folds) and parameters.",
      type: 'object',
      required: ['kind', 'params'],
      additionalProperties: false,
      properties: { kind: { type: 'string' }, params: { type: 'object' } },
    },
    split: {
      description:
        "Cross-validation and searches on a part of trainTestSplit, on data made from one or on the table it split: that split ('trainTestSplit') and its parameters, with the fingerprint hashes of the table split and its parts in params.parts.",
      type: 'object',
      required: ['kind', 'params'],
      additionalProperties: false,
      properties: { kind: { type: 'string' }, params: { type: 'object' } },
    },
    metrics: { type: 'object', additionalProperties: { $ref: '#/$defs/number' } },
    intervals: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['low', 'high', 'level'],
        additionalProperties: false,
        properties: { low: { type: 'number' }, high: { type: 'number' }, level: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, method: { type: 'string' } },
      },
    },
    confusion: {
      description:
        "Classification evaluations: the confusion counts at the evaluation's threshold (binary: a row is predicted positive when its score ≥ threshold) or argmax (multiclass; matrix rows = true labels, columns = predicted, in the order of labels). counts: 'rows' (each row counts 1) or 'weights' (sample weights summed). Absent in records written before it was kept.",
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'threshold', 'positiveLabel', 'negativeLabel', 'tp', 'fp', 'tn', 'fn', 'counts'],
          additionalProperties: false,
          properties: {
            kind: { const: 'binary' },
            threshold: { type: 'number' },
            positiveLabel: { type: 'string' },
            negativeLabel: { type: 'string' },
            tp: { type: 'number', minimum: 0 },
            fp: { type: 'number', minimum: 0 },
            tn: { type: 'number', minimum: 0 },
            fn: { type: 'number', minimum: 0 },
            counts: { enum: ['rows', 'weights'] },
          },
        },
        {
          type: 'object',
          required: ['kind', 'labels', 'matrix', 'counts'],
          additionalProperties: false,
          properties: {
            kind: { const: 'multiclass' },
            labels: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 100 },
            matrix: { type: 'array', maxItems: 100, items: { type: 'array', maxItems: 100, items: { type: 'number', minimum: 0 } } },
            counts: { enum: ['rows', 'weights'] },
          },
        },
      ],
    },
    history: {
      description: 'Metric values per epoch, one array per metric aligned with "epoch" (equal lengths are checked on read).',
      type: 'object',
      required: ['epoch', 'metrics'],
      additionalProperties: false,
      properties: {
        epoch: { type: 'array', items: { type: 'number' } },
        elapsedMs: { type: 'array', items: { $ref: '#/$defs/number' } },
        metrics: { type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/$defs/number' } } },
        total: { description: 'Points logged, when more were logged than kept.', type: 'integer', minimum: 0 },
      },
    },
    data: {
      type: 'array',
      items: {
        type: 'object',
        required: ['role', 'fingerprint'],
        additionalProperties: false,
        properties: {
          role: { enum: ['train', 'validation', 'test', 'other'] },
          name: { type: 'string' },
          fingerprint: {
            type: 'object',
            required: ['hash', 'rows', 'columns'],
            additionalProperties: false,
            properties: {
              hash: { type: 'string', pattern: '^[0-9a-f]{16}$' },
              rows: { type: 'integer', minimum: 0 },
              columns: {
                type: 'array',
                items: { type: 'object', required: ['name', 'type'], additionalProperties: false, properties: { name: { type: 'string' }, type: { type: 'string' } } },
              },
            },
          },
          findings: {
            description: "The data set's quality findings when they were checked (kind, severity and column; never rows). Absent: not checked.",
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              required: ['kind', 'severity'],
              additionalProperties: false,
              properties: { kind: { type: 'string' }, severity: { enum: ['error', 'warning', 'info'] }, column: { type: 'string' } },
            },
          },
        },
      },
    },
    model: {
      type: 'object',
      required: ['type', 'parameterCount'],
      properties: {
        type: { type: 'string' },
        parameterCount: { type: 'integer', minimum: 0 },
        backend: { type: 'string' },
        layers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'kind', 'outputShape', 'parameters'],
            properties: {
              name: { type: 'string' },
              kind: { type: 'string' },
              outputShape: { type: 'array', items: { type: ['integer', 'null'] } },
              parameters: { type: 'integer', minimum: 0 },
            },
          },
        },
        weights: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'shape', 'mean', 'std', 'min', 'max'],
            properties: {
              name: { type: 'string' },
              shape: { type: 'array', items: { type: 'integer', minimum: 0 } },
              mean: { $ref: '#/$defs/number' },
              std: { $ref: '#/$defs/number' },
              min: { $ref: '#/$defs/number' },
              max: { $ref: '#/$defs/number' },
            },
          },
        },
        extra: { type: 'object' },
      },
    },
    gates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'passed'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          passed: { type: 'boolean' },
          metric: { type: 'string' },
          op: { type: 'string' },
          threshold: { type: 'number' },
          value: { $ref: '#/$defs/number' },
          baseline: { $ref: '#/$defs/number' },
          detail: { type: 'string' },
        },
      },
    },
    git: {
      type: 'object',
      required: ['commit', 'dirty'],
      additionalProperties: false,
      properties: { commit: { type: 'string', pattern: '^[0-9a-f]{7,64}$' }, branch: { type: 'string' }, dirty: { type: 'boolean' } },
    },
    environment: {
      type: 'object',
      required: ['libraries'],
      additionalProperties: false,
      properties: {
        libraries: { type: 'object', additionalProperties: { type: 'string' } },
        backend: { type: 'string' },
        runtime: { type: 'string' },
        platform: { type: 'string' },
      },
    },
    tags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    notes: { type: 'string' },
    error: {
      type: 'object',
      required: ['name', 'message'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, message: { type: 'string' }, stack: { type: 'string' } },
    },
    artifacts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'path', 'bytes'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, path: { type: 'string' }, bytes: { type: 'integer', minimum: 0 } },
      },
    },
    predictions: {
      description: 'Evaluations: the per-row predictions kept for model diffs, an Apache Arrow IPC file beside the record (committed).',
      type: 'object',
      required: ['path', 'rows', 'totalRows', 'identity', 'bytes'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', pattern: '^\\.modelbook/runs/[0-9A-HJKMNP-TV-Z]{26}\\.predictions$' },
        rows: { description: 'Rows kept (a sample by row hash when fewer than totalRows).', type: 'integer', minimum: 0 },
        totalRows: { type: 'integer', minimum: 0 },
        identity: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: { kind: { enum: ['column', 'hash'] }, column: { type: 'string' } },
        },
        bytes: { type: 'integer', minimum: 0 },
      },
    },
  },
  $defs: {
    runId: { description: 'A ULID (Crockford base32, time-sortable).', type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' },
    time: { description: 'ISO 8601 UTC time, as Date.prototype.toISOString writes it.', type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$' },
    number: { description: 'A number, or null where it could not be computed (NaN, infinite).', type: ['number', 'null'] },
  },
} as const;
