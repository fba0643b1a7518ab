/**
 * A column of dates stored as milliseconds since the epoch (NaN: missing) that hands out a Date
 * per access. A million Date objects cost more to create and to garbage-collect than the whole
 * rest of a CSV load; arquero compares dates by value (`+date`), so a Date made on access behaves
 * the same in every verb. Like arquero's Arrow-backed columns, it is read-only.
 *
 * @example
 * const t = await readCSV('sales.csv'); // a date column comes back as a DateColumn
 * const first = t.array('date')[0];   // a Date (or null)
 */
export class DateColumn implements Iterable<Date | null> {
  constructor(readonly ms: Float64Array) {}

  get length(): number {
    return this.ms.length;
  }

  /** The date in row `i`, or null when it is missing. */
  at(i: number): Date | null {
    const v = this.ms[i];
    return v === v && v !== undefined ? new Date(v) : null;
  }

  *[Symbol.iterator](): Iterator<Date | null> {
    for (let i = 0; i < this.ms.length; i++) yield this.at(i);
  }

  toArray(): (Date | null)[] {
    return Array.from(this, (d) => d);
  }
}

/**
 * Whether a column is a DateColumn (dates kept as epoch milliseconds).
 *
 * @example
 * isDateColumn(t.column('date')) // true for a column of dates read by readCSV
 */
export function isDateColumn(v: unknown): v is DateColumn {
  return v instanceof DateColumn;
}
