import { createIdGenerator } from '../../../../src/core/runs/ulid';
import type { EditContext } from '../../../../src/core/review/threadEdits';

/** Ids from a seeded generator and a clock that ticks one second per call. */
export function fixedContext(): EditContext {
  let seed = 1;
  const nextId = createIdGenerator(() => (seed = (seed * 16807) % 2147483647) / 2147483647);
  let t = Date.UTC(2026, 11, 7, 5, 0, 0);
  return { newId: () => nextId(t), now: () => new Date((t += 1000)).toISOString() };
}
