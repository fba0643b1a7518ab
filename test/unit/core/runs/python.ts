import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const PYTHON = '/usr/bin/python3';

/**
 * Runs a Python reference script (Debian's python3 with numpy/pandas/sklearn/jsonschema): the
 * input goes in as JSON on stdin (`json.load(sys.stdin)`), the script prints one JSON value.
 * Skips the test, saying why, when Python or a module the script imports is missing.
 */
export function runPython<T = unknown>(test: Mocha.Context, script: string, input: unknown): T {
  if (!fs.existsSync(PYTHON)) {
    console.log(`      skipped: ${PYTHON} is not installed (apt install python3 python3-pandas python3-jsonschema)`);
    test.skip();
  }
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) {
    const missing = /No module named '([^']+)'/.exec(r.stderr ?? '');
    if (missing) {
      console.log(`      skipped: Python module ${missing[1]} is not installed (apt install python3-${missing[1]})`);
      test.skip();
    }
    throw new Error(`python reference failed (${r.status}):\n${r.stderr}`);
  }
  return JSON.parse(r.stdout) as T;
}
