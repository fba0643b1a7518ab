import fs from 'node:fs';
import path from 'node:path';

/** The repository root, found from wherever the compiled test runs (out/test/unit/...). */
export const REPO = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'esbuild.mjs'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
})();

export const DIST = path.join(REPO, 'dist');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
