/**
 * `modelbook serve`: a node:http server over one loaded model package, speaking the Open
 * Inference Protocol v2 (KServe) plus `POST /predict` with JSON records, `/metrics` for
 * Prometheus, and JSON-lines request logs. Bodies are read up to a limit; shutdown stops
 * accepting, lets in-flight requests finish, then flushes the logs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedModel, Prediction } from '../../core/package/contract';
import { ProtocolError, type ScoringRequest } from '../../core/serve/contract';
import { decodeInferRequest, decodeRecordsRequest } from '../../core/serve/decodeInfer';
import { encodeInferResponse, modelMetadata } from '../../core/serve/encodeInfer';
import { serveMessage } from '../../core/serve/messages';
import { JsonLinesLog, payloadRecords, type RequestRecord } from './requestLog';
import { keptPredictions } from './rowsOf';
import { ServeMetrics } from './serveMetrics';

export interface ServeOptions {
  host: string;
  port: number;
  /** Largest request body in bytes; larger → 413. */
  maxBody: number;
  /** Request log file (JSON lines). */
  log?: string;
  /** Payload log file: one JSON line per scored row (inputs + prediction). */
  logPayloads?: string;
  version: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, waits for in-flight requests, closes the logs. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  rows?: number;
  invalidRows?: number;
  text?: boolean;
  allow?: readonly string[];
}

type Route = { template: string; methods: Record<string, (req: http.IncomingMessage, id: number) => Promise<Reply> | Reply> };

/**
 * Starts the server; resolves once it listens (port 0 picks a free port, see `url`).
 *
 * @example
 * const server = await startServer(await loadModel('models/churn'), { host: '127.0.0.1', port: 0, maxBody: 10_000_000, version: '0.1.0' });
 * console.log(server.url); await server.close();
 */
export async function startServer(model: LoadedModel, options: ServeOptions): Promise<RunningServer> {
  const { manifest } = model;
  const metrics = new ServeMetrics(model);
  const requestLog = options.log ? new JsonLinesLog(options.log) : undefined;
  const payloadLog = options.logPayloads ? new JsonLinesLog(options.logPayloads) : undefined;
  const version = manifest.contentHash.slice(0, 12);
  let nextId = 1;
  let ready = true;

  const score = async (route: string, id: number, request: ScoringRequest, encode: (r: { predictions: (Prediction | null)[]; rows: number[] }) => unknown): Promise<Reply> => {
    let result;
    try {
      result = await model.predict(request.records, { proba: request.proba, onInvalid: request.onInvalid });
    } catch (e) {
      if (e instanceof RangeError) {
        const problems = model.validate(request.records);
        metrics.scored(route, request.records.length, [], problems);
        return { status: 400, body: { error: e.message }, rows: request.records.length, invalidRows: new Set(problems.map((p) => p.row)).size };
      }
      throw e;
    }
    const { predictions, rows } = keptPredictions(request.records.length, result.predictions, result.problems, request.onInvalid);
    metrics.scored(route, request.records.length, predictions, result.problems);
    payloadLog?.write(payloadRecords(id, new Date().toISOString(), request.records, predictions, rows));
    const invalidRows = new Set(result.problems.map((p) => p.row)).size;
    return { status: 200, body: encode({ predictions, rows }), rows: request.records.length, invalidRows };
  };

  const modelRoute = (suffix: string) => `/v2/models/{name}${suffix}`;
  const checkModel = (req: http.IncomingMessage) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.split('/')[3] ?? '');
    if (name !== manifest.name) throw new ProtocolError(404, serveMessage.unknownModel(name, manifest.name));
  };
  const routes: Route[] = [
    { template: '/v2/health/live', methods: { GET: () => ({ status: 200, body: { live: true } }) } },
    { template: '/v2/health/ready', methods: { GET: () => ({ status: ready ? 200 : 503, body: { ready } }) } },
    { template: '/v2', methods: { GET: () => ({ status: 200, body: { name: 'modelbook', version: options.version, extensions: [] } }) } },
    { template: modelRoute(''), methods: { GET: (req) => (checkModel(req), { status: 200, body: modelMetadata(model) }) } },
    { template: modelRoute('/ready'), methods: { GET: (req) => (checkModel(req), { status: 200, body: { name: manifest.name, ready } }) } },
    {
      template: modelRoute('/infer'),
      methods: {
        POST: async (req, id) => {
          checkModel(req);
          const request = decodeInferRequest(await readJson(req, options.maxBody), manifest.signature.inputs);
          return score(modelRoute('/infer'), id, request, ({ predictions, rows }) =>
            encodeInferResponse(manifest.name, version, manifest.signature.outputs, predictions, rows, request.proba, request.id),
          );
        },
      },
    },
    {
      template: '/predict',
      methods: {
        POST: async (req, id) => {
          const request = decodeRecordsRequest(await readJson(req, options.maxBody));
          return score('/predict', id, request, ({ predictions, rows }) => ({
            predictions: predictions.map((p) => (p === null ? null : p.prediction)),
            ...(request.proba ? { probabilities: predictions.map((p) => p?.probabilities ?? null) } : {}),
            rows,
          }));
        },
      },
    },
    { template: '/metrics', methods: { GET: () => ({ status: 200, body: metrics.render(), text: true }) } },
  ];

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const id = nextId++;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => matches(r.template, path));
    const handle = async (): Promise<Reply> => {
      if (!route) throw new ProtocolError(404, serveMessage.notFound(path));
      const handler = route.methods[req.method ?? 'GET'];
      if (!handler) throw Object.assign(new ProtocolError(405, serveMessage.methodNotAllowed(req.method ?? '', path, Object.keys(route.methods))), { allow: Object.keys(route.methods) });
      return handler(req, id);
    };
    void handle()
      .catch((e: unknown): Reply => {
        if (e instanceof ProtocolError) return { status: e.status, body: { error: e.message }, ...((e as { allow?: string[] }).allow ? { allow: (e as unknown as { allow: string[] }).allow } : {}) };
        return { status: 500, body: { error: serveMessage.internal((e as Error).message) } };
      })
      .then((reply) => {
        // A refused body may still be arriving: close the connection rather than read it.
        if (reply.status === 413) res.setHeader('Connection', 'close');
        if (reply.allow) res.setHeader('Allow', reply.allow.join(', '));
        const text = reply.text ? String(reply.body) : JSON.stringify(reply.body);
        res.writeHead(reply.status, { 'Content-Type': reply.text ? 'text/plain; version=0.0.4; charset=utf-8' : 'application/json', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
        const latency = (performance.now() - started) / 1000;
        const template = route?.template ?? 'other';
        metrics.request(template, reply.status, latency);
        const error = reply.status >= 400 ? (reply.body as { error?: string }).error : undefined;
        const record: RequestRecord = {
          ts: new Date().toISOString(),
          kind: 'request',
          id,
          method: req.method ?? '',
          route: template,
          path,
          status: reply.status,
          rows: reply.rows ?? 0,
          invalidRows: reply.invalidRows ?? 0,
          latencyMs: Math.round(latency * 1e6) / 1e3,
          model: manifest.name,
          contentHash: manifest.contentHash,
          ...(error !== undefined ? { error } : {}),
        };
        requestLog?.write([record]);
      });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: async () => {
      ready = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.all([requestLog?.close(), payloadLog?.close()]);
    },
  };
}

/** Whether a path fits a route template ('{name}' matches one segment). */
function matches(template: string, path: string): boolean {
  const t = template.split('/');
  const p = path.replace(/\/+$/, '').split('/');
  return t.length === p.length && t.every((seg, i) => (seg.startsWith('{') ? p[i] !== '' : seg === p[i]));
}

/** Reads a JSON body of at most `limit` bytes: 415 for a non-JSON content type, 413 past the limit, 400 for bad JSON. */
async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) throw new ProtocolError(415, serveMessage.unsupportedMediaType(type));
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new ProtocolError(413, serveMessage.tooLarge(limit));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ProtocolError(413, serveMessage.tooLarge(limit));
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (e) {
    throw new ProtocolError(400, serveMessage.notJson((e as Error).message));
  }
}
