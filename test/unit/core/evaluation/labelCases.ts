/** Hard-prediction cases (yTrue, yPred) built from the binary and multiclass score cases. */
import { binaryCases, multiclassCases } from './cases';

export interface LabelCase {
  name: string;
  yTrue: (string | number)[];
  yPred: (string | number)[];
  weight?: number[];
  /** The positive label for binary cases; undefined for multiclass. */
  positive?: string | number;
  multiclass: boolean;
}

export function labelCases(): LabelCase[] {
  const out: LabelCase[] = [];
  for (const c of binaryCases()) {
    const labels = [...new Set(c.y)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const positive = c.positiveLabel ?? labels[labels.length - 1];
    const negative = labels.find((l) => l !== positive) ?? 0;
    out.push({ name: c.name, yTrue: c.y, yPred: c.score.map((s) => (s >= 0.5 ? positive : negative)), weight: c.weight, positive, multiclass: false });
  }
  out.push({ name: 'all predicted negative', yTrue: [0, 1, 0, 1, 0], yPred: [0, 0, 0, 0, 0], positive: 1, multiclass: false });
  out.push({ name: 'only negatives anywhere', yTrue: [0, 0, 0], yPred: [0, 0, 0], positive: 1, multiclass: false });
  out.push({ name: 'positives absent from yTrue', yTrue: [0, 0, 0, 0], yPred: [0, 1, 0, 1], positive: 1, multiclass: false });
  for (const c of multiclassCases()) {
    out.push({ name: c.name, yTrue: c.y, yPred: c.proba.map((r) => c.classes[r.indexOf(Math.max(...r))]), multiclass: true });
  }
  out.push({ name: 'class only predicted', yTrue: ['a', 'a', 'b', 'b', 'b'], yPred: ['a', 'c', 'b', 'a', 'b'], multiclass: true });
  out.push({ name: 'class never predicted', yTrue: [0, 1, 2, 2, 1, 0], yPred: [0, 1, 1, 1, 1, 0], multiclass: true });
  return out;
}
