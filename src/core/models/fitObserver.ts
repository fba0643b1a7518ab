/**
 * The hook every estimator's `fit` goes through. Core only calls it; a host installs an observer
 * to see fits without knowing the estimator classes (the kernel records each one as a run, see
 * src/kernel/modelbook/recording.ts). Without an observer, `observeFit` just runs the fit.
 */
import type { EstimatorSpec, FitOptions } from './contract';

/** What an observer may read from the estimator being fitted. */
export interface FitSubject {
  spec(): EstimatorSpec;
  summary?(): unknown;
}

export interface FitObserver {
  /**
   * Runs `fit` (passing it the options to train with, which may add an `onProgress`) and returns
   * what it returns or throws what it throws; recording around it must never change the outcome.
   */
  observeFit<O extends FitOptions, T>(estimator: FitSubject, x: unknown, options: O, fit: (options: O) => Promise<T>): Promise<T>;
}

let observer: FitObserver | undefined;

/**
 * Installs the observer every later fit goes through (undefined removes it); returns the previous one.
 *
 * @example
 * const previous = setFitObserver({ observeFit: (est, x, options, fit) => (console.log(est.spec().type), fit(options)) });
 */
export function setFitObserver(next: FitObserver | undefined): FitObserver | undefined {
  const previous = observer;
  observer = next;
  return previous;
}

/**
 * Runs an estimator's training `fit(options)` through the installed observer. Every estimator's
 * public `fit` calls this (directly, or through `BaseEstimator`), so a host sees every fit.
 *
 * @example
 * async fit(x, y, options = {}) { return observeFit(this, x, options, (o) => this.train(x, y, o)); }
 */
export function observeFit<O extends FitOptions, T>(estimator: FitSubject, x: unknown, options: O, fit: (options: O) => Promise<T>): Promise<T> {
  return observer ? observer.observeFit(estimator, x, options, fit) : fit(options);
}
