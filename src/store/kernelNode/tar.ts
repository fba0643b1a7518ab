import fs from 'node:fs';
import { message } from '../../core/messages';

const BLOCK = 512;

/** Pulls exact byte counts out of a stream of chunks (a gunzipped tarball). */
class ByteReader {
  private buffered: Buffer[] = [];
  private size = 0;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The next `n` bytes, or fewer at the end of the stream. */
  async take(n: number): Promise<Buffer> {
    while (this.size < n && (await this.fill()));
    const all = Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    this.buffered = all.length > n ? [all.subarray(n)] : [];
    this.size = all.length - out.length;
    return out;
  }

  /** Hands the next `n` bytes to `sink` chunk by chunk without holding them all; false if the stream ended first. */
  async stream(n: number, sink: (chunk: Buffer) => void): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (this.size === 0 && !(await this.fill())) return false;
      const head = this.buffered.shift()!;
      const used = head.subarray(0, left);
      if (head.length > left) this.buffered.unshift(head.subarray(left));
      this.size -= used.length;
      left -= used.length;
      sink(used);
    }
    return true;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }

  private async fill(): Promise<boolean> {
    const next = await this.iterator.next();
    if (next.done) return false;
    this.buffered.push(next.value);
    this.size += next.value.length;
    return true;
  }
}

/**
 * Copies the one regular file `wanted` (e.g. `package/bin/node`) out of an uncompressed tar
 * stream into `dest`, and stops reading there. Understands ustar names with prefixes, pax `path`
 * records and GNU long names; everything else is skipped. Returns false when the entry is absent.
 *
 * @example
 * await extractTarEntry(fs.createReadStream('n.tgz').pipe(zlib.createGunzip()), 'package/bin/node', 'bin/node')
 */
export async function extractTarEntry(tar: AsyncIterable<Buffer>, wanted: string, dest: string): Promise<boolean> {
  const reader = new ByteReader(tar);
  let longName: string | undefined;
  try {
    for (;;) {
      const header = await reader.take(BLOCK);
      if (header.length < BLOCK || header.every((b) => b === 0)) return false;
      const size = readSize(header.subarray(124, 136));
      const type = String.fromCharCode(header[156] || 48);
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (type === 'x' || type === 'L') {
        const body = (await reader.take(padded)).subarray(0, size).toString('utf8');
        longName = type === 'L' ? body.replace(/\0.*$/s, '') : (/(?:^|\n)\d+ path=([^\n]*)\n/.exec(body)?.[1] ?? longName);
        continue;
      }
      const name = longName ?? ustarName(header);
      longName = undefined;
      if ((type === '0' || type === '7') && name.replace(/^\.\//, '') === wanted) {
        await writeEntry(reader, size, dest);
        return true;
      }
      if (!(await reader.stream(padded, () => undefined))) return false;
    }
  } finally {
    await reader.close();
  }
}

async function writeEntry(reader: ByteReader, size: number, dest: string): Promise<void> {
  const fd = fs.openSync(dest, 'w', 0o755);
  try {
    const whole = await reader.stream(size, (chunk) => {
      for (let at = 0; at < chunk.length;) at += fs.writeSync(fd, chunk, at);
    });
    if (!whole) throw new Error(message.nodeInstallTruncated(dest));
  } finally {
    fs.closeSync(fd);
  }
}

function ustarName(header: Buffer): string {
  const field = (from: number, to: number) => header.subarray(from, to).toString('utf8').replace(/\0.*$/s, '');
  const name = field(0, 100);
  const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 500) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** Octal, or base-256 (high bit set) for sizes of 8 GiB and more. */
function readSize(field: Buffer): number {
  if (field[0] & 0x80) return field.subarray(1).reduce((n, b) => n * 256 + b, field[0] & 0x7f);
  const text = field.toString('latin1').replace(/\0/g, ' ').trim().split(' ')[0];
  return text ? parseInt(text, 8) : 0;
}
