import type { CheckpointDefinition } from './contract';
import { beatsBaseline } from './beatsBaseline';
import { cardComplete } from './cardComplete';
import { dataQuality } from './dataQuality';
import { fairness } from './fairness';
import { seedsFixed } from './seedsFixed';
import { splitBeforeFit } from './splitBeforeFit';

/**
 * The built-in checkpoints, in the order a notebook meets them.
 *
 * @example
 * BUILTIN_CHECKPOINTS.map((c) => c.id) // ['data-quality', 'split-before-fit', 'seeds-fixed', 'beats-baseline', 'fairness', 'card-complete']
 */
export const BUILTIN_CHECKPOINTS: readonly CheckpointDefinition[] = [dataQuality, splitBeforeFit, seedsFixed, beatsBaseline, fairness, cardComplete];
