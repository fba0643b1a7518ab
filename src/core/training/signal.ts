import { kernelService } from '../kernel/service';
import { trainingMessage } from './messages';

/**
 * The signals that stop a fit: the caller's `FitOptions.signal` and, inside a kernel, the running
 * cell's interrupt signal (read now, at the start of fit, so it is the calling cell's).
 *
 * @param signal FitOptions.signal, if any
 * @example
 * const stopped = collectStopSignals(options.signal);
 * if (stopped()) break;
 */
export function collectStopSignals(signal?: AbortSignal): () => boolean {
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) {
    throw new TypeError(trainingMessage.badSignal);
  }
  const kernel = kernelService()?.signal;
  const signals = [signal, kernel].filter((s): s is AbortSignal => s !== undefined);
  return () => signals.some((s) => s.aborted);
}
