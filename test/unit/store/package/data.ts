import { table, type ColumnTable } from 'arquero';
import { createRng } from '../../../../src/core/training/random';

/** A seeded churn-like table: numbers with a few missing, a category, and a yes/no label. */
export function churnTable(rows: number, seed: number): ColumnTable {
  const rng = createRng(seed, 'churn');
  const tenure: (number | null)[] = [];
  const charges: number[] = [];
  const plan: string[] = [];
  const churn: string[] = [];
  const plans = ['basic', 'plus', 'pro'];
  for (let i = 0; i < rows; i++) {
    const t = Math.floor(rng.uniform(0, 72));
    const c = rng.uniform(20, 120);
    const p = plans[Math.floor(rng.uniform(0, 3))];
    const score = -0.05 * t + 0.03 * c + (p === 'basic' ? 0.8 : 0) - 1 + rng.uniform(-1.5, 1.5);
    tenure.push(i % 17 === 3 ? null : t);
    charges.push(Math.round(c * 100) / 100);
    plan.push(p);
    churn.push(score > 0 ? 'yes' : 'no');
  }
  return table({ tenure, charges, plan, churn });
}

/** Rows of a table as records. */
export function recordsOf(t: ColumnTable, columns: string[]): Record<string, unknown>[] {
  return t.objects().map((o) => Object.fromEntries(columns.map((c) => [c, (o as Record<string, unknown>)[c]])));
}
