import { decodeTime, monotonicFactory, type PRNG } from 'ulid';
import { runMessage } from './messages';

/** Where random numbers in [0, 1) come from; tests pass a seeded one. Default: crypto.getRandomValues. */
export type RandomSource = PRNG;

/**
 * A ULID generator (the `ulid` package's monotonic factory): 26 characters, 10 of time (ms) then 16
 * random, so ids — and the record file names — sort by start time. Within one millisecond it
 * counts up from the last id, so runs started together in one process keep their order; across
 * processes the 80 random bits keep ids apart.
 *
 * @example
 * const nextId = createIdGenerator();
 * nextId() // '01JDQ7Z8K5W3M2T9XG4E6HRB1C'
 */
export function createIdGenerator(random?: RandomSource): (now?: number) => string {
  const next = monotonicFactory(random);
  return (now: number = Date.now()) => {
    // The package reads 0 as "now" and refuses fractions: check and round here.
    if (!Number.isFinite(now) || now < 1 || now > 2 ** 48 - 1) throw new RangeError(runMessage.ulidTimeOutOfRange(now));
    return next(Math.floor(now));
  };
}

/**
 * The start time (ms since the epoch) encoded in a ULID, or NaN when it is not one.
 *
 * @example
 * new Date(runIdTime(run.id)).toISOString() // when the run started
 */
export function runIdTime(id: string): number {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? decodeTime(id) : NaN;
}
