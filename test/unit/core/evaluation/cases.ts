/** Shared, seeded data sets for the evaluation tests: synthetic edge cases and real penguins predictions. */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../../paths';
import { createRng } from '../../../../src/core/evaluation/random';
import { binaryData, normal } from './reference';

export interface BinaryCase {
  name: string;
  y: (number | string)[];
  score: number[];
  weight?: number[];
  positiveLabel?: number | string;
}

export interface Penguins {
  species: string[];
  island: string[];
  sex: string[];
  features: Record<string, number[]>;
  pMale: number[];
  pMaleBaseline: number[];
  speciesClasses: string[];
  pSpecies: number[][];
  massPred: number[];
}

export const penguins: Penguins = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'evaluation', 'penguins.json'), 'utf8'));

/** Binary cases covering ties, constant scores, weights, string labels and real data. */
export function binaryCases(): BinaryCase[] {
  const random = binaryData(500, 1);
  const ties = binaryData(300, 2, { decimals: 1 });
  const rare = binaryData(400, 3, { prevalence: 0.03 });
  const rng = createRng(4);
  return [
    { name: 'docs example', y: [0, 0, 1, 1], score: [0.1, 0.4, 0.35, 0.8] },
    { name: 'random 500', ...random },
    { name: 'heavy ties', ...ties },
    { name: 'rare positives', ...rare },
    { name: 'constant scores', y: random.y.slice(0, 50), score: random.y.slice(0, 50).map(() => 0.5) },
    { name: 'perfect separation', y: [0, 0, 0, 1, 1], score: [0.1, 0.2, 0.3, 0.8, 0.9] },
    { name: 'weighted', ...random, weight: random.y.map(() => Math.floor(rng.nextFloat() * 4) + (rng.nextFloat() < 0.2 ? 0 : 0.5)) },
    { name: 'labels -1/1', y: ties.y.map((v) => (v ? 1 : -1)), score: ties.score },
    { name: 'string labels', y: random.y.map((v) => (v ? 'churn' : 'stay')), score: random.score, positiveLabel: 'churn' },
    { name: 'penguins sex', y: penguins.sex, score: penguins.pMale, positiveLabel: 'MALE' },
  ];
}

export interface MulticlassCase {
  name: string;
  y: (string | number)[];
  proba: number[][];
  classes: (string | number)[];
}

/** Multiclass cases: random softmax probabilities with string labels, and real penguins species. */
export function multiclassCases(): MulticlassCase[] {
  const rng = createRng(7);
  const classes = ['a', 'b', 'c'];
  const y: string[] = [];
  const proba: number[][] = [];
  for (let i = 0; i < 400; i++) {
    const k = Math.floor(rng.nextFloat() * 3);
    const z = classes.map((_, j) => normal(rng) + (j === k ? 1.2 : 0));
    const e = z.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    y.push(classes[k]);
    proba.push(e.map((v) => v / s));
  }
  return [
    { name: 'random 3 classes', y, proba, classes },
    { name: 'penguins species', y: penguins.species, proba: penguins.pSpecies, classes: penguins.speciesClasses },
  ];
}

/** Regression cases: random, with outliers, with zeros in yTrue, constant yTrue, and real penguins body mass. */
export function regressionCases(): { name: string; y: number[]; pred: number[]; weight?: number[] }[] {
  const rng = createRng(11);
  const y: number[] = [];
  const pred: number[] = [];
  for (let i = 0; i < 300; i++) {
    const v = normal(rng) * 10 + 50;
    y.push(v);
    pred.push(v + normal(rng) * 3 + (i % 50 === 0 ? 40 : 0));
  }
  return [
    { name: 'docs example', y: [3, -0.5, 2, 7], pred: [2.5, 0, 2, 8] },
    { name: 'random with outliers', y, pred },
    { name: 'weighted', y, pred, weight: y.map((_, i) => (i % 7) + (i % 3 === 0 ? 0 : 0.25)) },
    { name: 'zeros in yTrue', y: [0, 1, 2, 0, 4], pred: [0.5, 1, 2.5, 0, 3] },
    { name: 'constant yTrue', y: [2, 2, 2, 2], pred: [1, 2, 3, 2] },
    { name: 'constant perfect', y: [2, 2, 2], pred: [2, 2, 2] },
    { name: 'even count median', y: [1, 2, 3, 4, 5, 6], pred: [1.5, 2, 2, 4.5, 5, 9] },
    { name: 'penguins body mass', y: penguins.features['Body Mass (g)'], pred: penguins.massPred },
  ];
}
