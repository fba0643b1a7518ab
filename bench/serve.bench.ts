// `modelbook serve` under load on loopback against a Flask + scikit-learn server doing the same
// (POST /predict with {"records": [...]}, the same pipeline fitted on the same 20,000 rows, see
// servingData.ts): single-row and 1,000-row requests, a fixed number of requests per case from
// a few concurrent keep-alive clients, each case bounded in time too. Reports p50/p99 latency and
// throughput. Flask runs its own threaded server (werkzeug), as a quick deployment would.
// ratio = Flask time / Modelbook time (> 1 means Modelbook is faster).
// usage: node out/bench/serve.bench.js [requests] [concurrency]
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { benchDir, CATEGORICAL, exportChurnPackage, makeRows, NUMERIC, PYTHON, SKLEARN_PIPELINE, sklearnMissing, writeCsv } from './servingData';

const [requests, concurrency] = [Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 4)];
const CASE_SECONDS = 20;
const CLI = path.resolve('dist', 'cli.js');

const FLASK = `${SKLEARN_PIPELINE}
import sys, logging
from flask import Flask, request, jsonify
pipe = fit_pipeline(sys.argv[1])
app = Flask(__name__)
logging.getLogger('werkzeug').setLevel(logging.ERROR)
@app.post('/predict')
def predict():
    x = pd.DataFrame.from_records(request.get_json()['records'], columns=NUMERIC + CATEGORICAL)
    return jsonify(predictions=pipe.predict(x).tolist())
print('listening', flush=True)
app.run(host='127.0.0.1', port=int(sys.argv[2]), threaded=True)
`;

/** Starts a server process and waits for the line that says it listens. */
function start(cmd: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, line: m[0] });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`${cmd} exited ${code}: ${err}`)));
  });
}

function post(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `requests` POSTs from `concurrency` clients (or until CASE_SECONDS): latencies and wall time. */
async function load(url: string, body: string, count: number): Promise<{ latencies: number[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const started = performance.now();
  let sent = 0;
  const client = async () => {
    while (sent < count && performance.now() - started < CASE_SECONDS * 1000) {
      sent++;
      latencies.push(await post(agent, url, body));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  agent.destroy();
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  const dir = benchDir('serve');
  const train = makeRows(20_000, 1);
  const trainCsv = path.join(dir, 'train.csv');
  writeCsv(trainCsv, train, [...NUMERIC, ...CATEGORICAL, 'label']);
  const pkg = path.join(dir, 'churn');
  await exportChurnPackage(pkg, train);
  const rows = makeRows(1000, 3).map(({ label: _label, ...r }) => r);
  const cases = [
    { name: 'single row', body: JSON.stringify({ records: rows.slice(0, 1) }), count: requests, rows: 1 },
    { name: '1,000 rows', body: JSON.stringify({ records: rows }), count: Math.max(20, Math.round(requests / 10)), rows: 1000 },
  ];
  console.log(`${concurrency} concurrent keep-alive clients; at most ${requests} single-row and ${cases[1].count} 1,000-row requests per server, ${CASE_SECONDS} s per case at most`);

  const ours = await start(process.execPath, [CLI, 'serve', pkg, '--port', '0'], /http:\/\/127\.0\.0\.1:\d+/);
  const missing = sklearnMissing(', flask');
  let flask: { child: ChildProcess; line: string } | undefined;
  const port = 18000 + (process.pid % 1000);
  if (!missing) flask = await start(PYTHON, ['-c', FLASK, trainCsv, String(port)], /listening/);
  const flaskUrl = `http://127.0.0.1:${port}/predict`;
  try {
    for (const c of cases) {
      await load(`${ours.line}/predict`, c.body, Math.min(50, c.count)); // warm-up
      const a = await load(`${ours.line}/predict`, c.body, c.count);
      const line = (who: string, r: { latencies: number[]; seconds: number }) =>
        `${c.name.padEnd(11)} ${who.padEnd(22)} p50 ${pct(r.latencies, 50).toFixed(2)} ms, p99 ${pct(r.latencies, 99).toFixed(2)} ms, ${(r.latencies.length / r.seconds).toFixed(0)} req/s (${Math.round((r.latencies.length * c.rows) / r.seconds).toLocaleString('en-US')} rows/s), ${r.latencies.length} requests`;
      console.log(line('modelbook serve', a));
      if (!flask) continue;
      await load(flaskUrl, c.body, Math.min(50, c.count));
      const b = await load(flaskUrl, c.body, c.count);
      console.log(line('Flask + scikit-learn', b));
      console.log(
        `${c.name.padEnd(11)} ratio (Flask / Modelbook): p50 ${(pct(b.latencies, 50) / pct(a.latencies, 50)).toFixed(2)}×, p99 ${(pct(b.latencies, 99) / pct(a.latencies, 99)).toFixed(2)}×, throughput ${(a.latencies.length / a.seconds / (b.latencies.length / b.seconds)).toFixed(2)}×`,
      );
    }
    if (missing) console.log(`Flask + scikit-learn reference skipped: ${missing} (Debian: apt-get install -y python3-flask)`);
  } finally {
    ours.child.kill('SIGTERM');
    flask?.child.kill('SIGTERM');
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
