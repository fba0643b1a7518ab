import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DIST } from '../paths';
import { penguinsPackage } from '../store/predict/penguinsPackage';

const CLI = path.join(DIST, 'cli.js');

/** Starts the built `modelbook serve` on a free loopback port; resolves with its URL once it says it listens. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

async function call(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const r = await fetch(url, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
  const text = await r.text();
  return { status: r.status, text, json: (r.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Record<string, unknown>) : undefined, headers: r.headers };
}

describe('cli serve', function () {
  this.timeout(120_000);
  let work: string;
  let pkg: Awaited<ReturnType<typeof penguinsPackage>>;
  let server: Awaited<ReturnType<typeof serve>>;
  const row = () => ({ ...pkg.rows[0] });

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-serve-'));
    pkg = await penguinsPackage();
    server = await serve([pkg.dir, '--max-body', '20000', '--log', path.join(work, 'requests.jsonl'), '--log-payloads', path.join(work, 'payloads.jsonl')]);
  });

  after(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('listens on 127.0.0.1 and answers the v2 health, server and model metadata routes', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual((await call(`${server.url}/v2/health/live`)).json, { live: true });
    assert.deepEqual((await call(`${server.url}/v2/health/ready`)).json, { ready: true });
    assert.equal((await call(`${server.url}/v2`)).json?.name, 'modelbook');
    const meta = (await call(`${server.url}/v2/models/penguins`)).json as { name: string; inputs: { name: string; datatype: string }[]; outputs: { name: string }[] };
    assert.equal(meta.name, 'penguins');
    assert.deepEqual(
      meta.inputs.map((i) => `${i.name}:${i.datatype}`),
      ['Beak Length (mm):FP64', 'Beak Depth (mm):FP64', 'Flipper Length (mm):FP64', 'Body Mass (g):FP64', 'Island:BYTES', 'Sex:BYTES'],
    );
    assert.deepEqual((await call(`${server.url}/v2/models/penguins/ready`)).json, { name: 'penguins', ready: true });
  });

  it('infers with one tensor per column, with probabilities when asked', async () => {
    const rows = pkg.rows.slice(0, 3);
    const columns = Object.keys(rows[0]).filter((c) => c !== 'Species');
    const inputs = columns.map((name) => ({ name, shape: [3], datatype: typeof rows[0][name] === 'number' ? 'FP64' : 'BYTES', data: rows.map((r) => r[name]) }));
    const r = await call(`${server.url}/v2/models/penguins/infer`, 'POST', { id: 'q1', inputs, parameters: { proba: true } });
    assert.equal(r.status, 200, r.text);
    const outputs = r.json?.outputs as { name: string; shape: number[]; data: unknown[] }[];
    assert.equal(r.json?.id, 'q1');
    assert.deepEqual(outputs[0], { name: 'predict', shape: [3], datatype: 'BYTES', data: rows.map((x) => x.Species) });
    assert.deepEqual(outputs[1].shape, [3, 3]);
  });

  it('predicts JSON records on /predict, as {records} or a bare array', async () => {
    const a = await call(`${server.url}/predict`, 'POST', { records: [row()], proba: true });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.json?.predictions, [pkg.rows[0].Species]);
    assert.deepEqual(Object.keys((a.json?.probabilities as object[])[0]), ['Adelie', 'Chinstrap', 'Gentoo']);
    assert.deepEqual((await call(`${server.url}/predict`, 'POST', [row(), row()])).json?.predictions, [pkg.rows[0].Species, pkg.rows[0].Species]);
  });

  it('refuses bad requests with the status and a message naming the field', async () => {
    const wrongType = await call(`${server.url}/v2/models/penguins/infer`, 'POST', { inputs: [{ name: 'Island', shape: [1], datatype: 'FP64', data: [1] }] });
    assert.equal(wrongType.status, 400);
    assert.match(String(wrongType.json?.error), /inputs\[0\] \("Island"\): datatype FP64 does not fit the string column; send BYTES/);
    const unknown = await call(`${server.url}/predict`, 'POST', [{ ...row(), Island: 'Atlantis' }]);
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.json?.error), /Row 1: column "Island" is "Atlantis", a category training never saw/);
    const skipped = await call(`${server.url}/predict`, 'POST', { records: [{ ...row(), Island: 'Atlantis' }, row()], on_invalid: 'skip' });
    assert.deepEqual([skipped.status, skipped.json?.rows], [200, [1]]);
    const tooLarge = await call(`${server.url}/predict`, 'POST', { records: Array.from({ length: 200 }, row) });
    assert.equal(tooLarge.status, 413);
    assert.match(String(tooLarge.json?.error), /larger than 20000 bytes/);
    assert.equal((await call(`${server.url}/predict`, 'POST', '{"records": [', { 'Content-Type': 'application/json' })).status, 400);
    assert.equal((await call(`${server.url}/predict`, 'POST', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
    assert.equal((await call(`${server.url}/v2/models/other`)).status, 404);
    assert.equal((await call(`${server.url}/nowhere`)).status, 404);
    const method = await call(`${server.url}/predict`, 'GET');
    assert.equal(method.status, 405);
    assert.equal(method.headers.get('allow'), 'POST');
  });

  it('refuses a body larger than the limit while it is still arriving (no Content-Length)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.url}/predict`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 50; i++) req.write(`${JSON.stringify(row())},`.repeat(10));
      req.end();
    });
    assert.equal(status, 413);
  });

  it('counts requests, latency, invalid rows and predictions per class on /metrics', async () => {
    const r = await call(`${server.url}/metrics`);
    assert.match(r.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(r.text, /^modelbook_requests_total\{route="\/predict",status="200"\} 3$/m);
    assert.match(r.text, /^modelbook_requests_total\{route="\/predict",status="413"\} 2$/m);
    assert.match(r.text, /^modelbook_request_duration_seconds_count\{route="\/v2\/models\/\{name\}\/infer"\} 2$/m);
    assert.match(r.text, /^modelbook_invalid_rows_total\{kind="unknown-category"\} 2$/m);
    assert.match(r.text, new RegExp(`^modelbook_predictions_total\\{class="${String(pkg.rows[0].Species)}"\\} \\d+$`, 'm'));
  });

  it('stops on SIGTERM with exit code 0 and leaves request and payload logs monitor can read', async () => {
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    assert.match(server.stderr(), /SIGTERM, finishing requests in flight and stopping/);
    const requests = fs
      .readFileSync(path.join(work, 'requests.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const infer = requests.find((q) => q.route === '/v2/models/{name}/infer' && q.status === 200)!;
    assert.deepEqual(Object.keys(infer).sort(), ['contentHash', 'id', 'invalidRows', 'kind', 'latencyMs', 'method', 'model', 'path', 'route', 'rows', 'status', 'ts']);
    assert.equal(infer.rows, 3);
    assert.ok(requests.some((q) => q.status === 400 && String(q.error).includes('Atlantis')));
    const payloads = fs
      .readFileSync(path.join(work, 'payloads.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // 3 inferred + 1 + 2 on /predict + 1 kept of the skip request; refused rows are not logged.
    assert.equal(payloads.length, 7);
    assert.equal(payloads[0]['Island'], pkg.rows[0].Island);
    assert.equal(payloads[0].prediction, pkg.rows[0].Species);
    assert.equal(typeof payloads[0].proba_Adelie, 'number');
  });
});
