/** Crockford's base32, as ULIDs use it (no I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Where random 5-bit digits come from; tests pass a seeded one. */
export type RandomDigits = (count: number) => number[];

/**
 * A ULID generator: 26 characters, 10 of time (ms) then 16 random, so ids — and the record file
 * names — sort by start time. Within one millisecond it counts up from the last id (monotonic),
 * so runs started together in one process keep their order; across processes the 80 random bits
 * keep ids apart.
 *
 * @example
 * const nextId = createIdGenerator();
 * nextId() // '01JDQ7Z8K5W3M2T9XG4E6HRB1C'
 */
export function createIdGenerator(random: RandomDigits = defaultRandom): (now?: number) => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return (now: number = Date.now()) => {
    if (!Number.isFinite(now) || now < 0 || now > 2 ** 48 - 1) throw new RangeError(`createRunId: time ${now} is outside the ULID range`);
    const time = Math.floor(now);
    if (time <= lastTime) {
      const next = increment(lastRandom);
      if (next) lastRandom = next;
      else {
        // 2^80 ids in one millisecond overflowed: borrow the next millisecond rather than repeat an id.
        lastTime++;
        lastRandom = random(16);
      }
    } else {
      lastTime = time;
      lastRandom = random(16);
    }
    return encodeTime(lastTime) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

/**
 * The start time (ms since the epoch) encoded in a ULID, or NaN when it is not one.
 *
 * @example
 * new Date(runIdTime(run.id)).toISOString() // when the run started
 */
export function runIdTime(id: string): number {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return NaN;
  let t = 0;
  for (let i = 0; i < 10; i++) t = t * 32 + ALPHABET.indexOf(id[i]);
  return t;
}

function encodeTime(time: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

/** The next random part, or undefined when it overflows. */
function increment(digits: number[]): number[] | undefined {
  const out = digits.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] < 31) {
      out[i]++;
      return out;
    }
    out[i] = 0;
  }
  return undefined;
}

function defaultRandom(count: number): number[] {
  const bytes = new Uint8Array(count);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < count; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b & 31);
}
