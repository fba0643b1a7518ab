import { argsortNumpy } from '../linalg/argsort';
import type { Fold, SplitData, Splitter } from './contract';
import { checkRows, checkSplits, foldFromMask, uniqueInverse } from './foldUtils';
import { validationMessage } from './messages';

/**
 * k folds where a group (a patient, a user, a store) never appears in both train and test:
 * the largest groups first, each into the currently lightest fold, exactly as scikit-learn's
 * GroupKFold (including its tie order, through a port of numpy's argsort).
 *
 * @example
 * new GroupKFold({ nSplits: 4 }).split(t.numRows(), { groups: t.array('patientId') }) // no patient in both train and test
 */
export class GroupKFold implements Splitter {
  readonly type = 'GroupKFold';
  readonly nSplits: number;

  /**
   * @example
   * new GroupKFold({ nSplits: 3 }).split(rows, { groups: table.array('patient_id') })
   */
  constructor(options: { nSplits?: number } = {}) {
    this.nSplits = checkSplits(options.nSplits ?? 5, 'GroupKFold');
  }

  split(rows: number, data: SplitData = {}): Fold[] {
    checkRows(rows, 'GroupKFold.split');
    if (!data.groups) throw new TypeError(validationMessage.groupsNeeded('GroupKFold.split'));
    if (data.groups.length !== rows) throw new RangeError(validationMessage.lengthMismatch('GroupKFold.split', 'groups', data.groups.length, 'values', rows));
    const { unique, inverse } = uniqueInverse(data.groups, 'GroupKFold.split');
    if (this.nSplits > unique.length) throw new RangeError(validationMessage.tooManySplits('GroupKFold', 'nSplits', this.nSplits, 'groups', unique.length));
    const sizes = new Float64Array(unique.length);
    for (const g of inverse) sizes[g]++;
    const order = argsortNumpy(sizes).reverse();
    const foldWeight = new Float64Array(this.nSplits);
    const groupFold = new Int32Array(unique.length);
    for (const g of order) {
      let lightest = 0;
      for (let f = 1; f < this.nSplits; f++) if (foldWeight[f] < foldWeight[lightest]) lightest = f;
      foldWeight[lightest] += sizes[g];
      groupFold[g] = lightest;
    }
    return Array.from({ length: this.nSplits }, (_, f) => foldFromMask((i) => groupFold[inverse[i]] === f, rows));
  }

  spec(): { type: string; params: Record<string, unknown> } {
    return { type: this.type, params: { nSplits: this.nSplits } };
  }
}
