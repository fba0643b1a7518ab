/**
 * Jump-ahead for xoshiro128: the state after any number of steps without taking them. A step is
 * linear over GF(2) on the 128 state bits, so `steps` steps are the step's 128×128 bit matrix
 * raised to that power (square and multiply: about 2 log2(steps) matrix products). A bootstrap
 * split across workers uses it to start each worker's share of the resamples exactly where one
 * sequential stream would be, so the intervals do not depend on how many workers ran.
 */
import { rotl } from './xoshiro';

type State = [number, number, number, number];

/** One xoshiro128 state step (the output scrambler does not touch the state). */
function step([a, b, c, d]: State): State {
  const t = b << 9;
  c ^= a;
  d ^= b;
  b ^= c;
  a ^= d;
  c ^= t;
  d = rotl(d, 11);
  return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
}

/** M·v: the XOR of the columns of M whose bit is set in v. */
function apply(columns: Uint32Array[], v: State): State {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let j = 0; j < 128; j++) {
    if (((v[j >>> 5] >>> (j & 31)) & 1) === 0) continue;
    const col = columns[j];
    a ^= col[0];
    b ^= col[1];
    c ^= col[2];
    d ^= col[3];
  }
  return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
}

/**
 * The xoshiro128 state `steps` steps after `state` (steps: a non-negative integer below 2^53).
 *
 * @example
 * _xoshiroSkip([1, 2, 3, 4], 200_000 * 500) // where the 500th resample of 200,000 rows starts
 */
export function _xoshiroSkip(state: readonly [number, number, number, number], steps: number): State {
  let v: State = [state[0] >>> 0, state[1] >>> 0, state[2] >>> 0, state[3] >>> 0];
  if (steps < 64) {
    for (let i = 0; i < steps; i++) v = step(v);
    return v;
  }
  // Column j of the one-step matrix is the step of the state with only bit j set.
  let columns = Array.from({ length: 128 }, (_, j) => {
    const e: State = [0, 0, 0, 0];
    e[j >>> 5] = (1 << (j & 31)) >>> 0;
    return Uint32Array.from(step(e));
  });
  let left = steps;
  while (left > 0) {
    if (left % 2 === 1) v = apply(columns, v);
    left = Math.floor(left / 2);
    if (left > 0) {
      const m = columns;
      columns = m.map((col) => Uint32Array.from(apply(m, [col[0], col[1], col[2], col[3]])));
    }
  }
  return v;
}
