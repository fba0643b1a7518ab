import { linspace, mquantilesSorted, quantileSorted } from '../../../../../src/core/evaluation/intervals/quantile';
import { createRng } from '../../../../../src/core/evaluation/random';
import { assertAllClose, requireReference, runPython } from '../reference';

describe('core/evaluation quantiles and linspace', () => {
  const rng = createRng(21);
  const data = Array.from({ length: 257 }, () => Math.round(rng.nextFloat() * 1000) / 10);
  const qs = [0, 0.025, 0.05, 0.1, 0.25, 0.5, 0.9, 0.95, 0.975, 1];
  let ref: { pct: number[]; mq: number[]; lin: number[] };
  before(function () {
    requireReference(this);
    ref = runPython(
      `from scipy.stats.mstats import mquantiles\nx = np.array(data['x'])\nout({'pct': np.percentile(x, np.array(data['q']) * 100), 'mq': mquantiles(x, prob=data['q']), 'lin': np.linspace(-3.7, 12.1, 17)})`,
      { x: data, q: qs },
    );
  });

  it('matches numpy.percentile (linear) and scipy mquantiles exactly', () => {
    const sorted = Float64Array.from(data).sort();
    assertAllClose(
      qs.map((q) => quantileSorted(sorted, q)),
      ref.pct,
      1e-12,
      'percentile',
    );
    assertAllClose(
      qs.map((q) => mquantilesSorted(sorted, q)),
      ref.mq,
      1e-12,
      'mquantiles',
    );
  });

  it('matches numpy.linspace bit for bit', () => {
    assertAllClose(linspace(-3.7, 12.1, 17), ref.lin, 0, 'linspace');
  });
});
