CELLS = [
("md", """# Quick start: penguin species from body measurements

A small end-to-end run on real data (the Palmer penguins, bundled in `data/penguins.json`):
load, inspect, split, train, evaluate. Run it in VS Code, or headless with `npm start`
(`modelbook run examples/quickstart.mlnb --print`)."""),
("code", """import * as aq from 'arquero';
import fs from 'node:fs';

const raw = aq.from(JSON.parse(fs.readFileSync('data/penguins.json', 'utf8')));
const penguins = raw.filter((d) => d['Beak Length (mm)'] != null && d['Body Mass (g)'] != null);
console.log(`${penguins.numRows()} of ${raw.numRows()} penguins have all measurements`);
penguins.groupby('Species').rollup({ count: aq.op.count(), mass_g: aq.op.mean('Body Mass (g)') }).orderby('Species')"""),
("code", """// Features standardized with statistics of the training rows only; a seeded shuffle for the split.
const features = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
const species = [...new Set(penguins.array('Species') as string[])].sort();
let seed = 42;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const order = [...Array(penguins.numRows()).keys()].sort(() => random() - 0.5);
const cut = Math.floor(order.length * 0.75);
const [trainRows, testRows] = [order.slice(0, cut), order.slice(cut)];
const column = (name: string) => penguins.array(name) as number[];
const stats = features.map((f) => {
  const v = trainRows.map((i) => column(f)[i]);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, sd };
});
const toX = (rows: number[]) => rows.map((i) => features.map((f, j) => (column(f)[i] - stats[j].mean) / stats[j].sd));
const toY = (rows: number[]) => rows.map((i) => species.indexOf(penguins.array('Species')[i] as string));
({ train: trainRows.length, test: testRows.length, classes: species })"""),
("code", """import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) })] });
model.compile({ optimizer: tf.train.adam(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
const history = await model.fit(tf.tensor2d(toX(trainRows)), tf.tensor1d(toY(trainRows), 'float32'), { epochs: 60, batchSize: 64, shuffle: false, verbose: 0 });
console.log(`final training loss ${(history.history.loss.at(-1) as number).toFixed(3)}`);"""),
("code", """const predicted = (model.predict(tf.tensor2d(toX(testRows))) as tf.Tensor).argMax(1).arraySync() as number[];
const truth = toY(testRows);
const accuracy = predicted.filter((p, i) => p === truth[i]).length / truth.length;
const confusion = species.map((s, a) => ({ species: s, ...Object.fromEntries(species.map((t, b) => [t, predicted.filter((p, i) => truth[i] === a && p === b).length])) }));
console.log(`test accuracy ${(accuracy * 100).toFixed(1)}% on ${truth.length} penguins`);
aq.from(confusion)"""),
]
