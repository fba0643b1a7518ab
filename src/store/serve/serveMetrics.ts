/**
 * The server's Prometheus metrics: requests by route and status, latency, rows scored, invalid
 * rows by kind, and the prediction distribution (counts per class, or a histogram of regression
 * outputs with buckets from the package's score profile when it has one).
 */
import type { LoadedModel, Prediction, RowProblem } from '../../core/package/contract';
import { Counter, Histogram, renderMetrics } from '../../core/serve/metrics';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DEFAULT_VALUE_BUCKETS = [-1000, -100, -10, -1, 0, 1, 10, 100, 1000];

/** Counts what the server did; `render()` is the body of GET /metrics. */
export class ServeMetrics {
  private readonly requests = new Counter('modelbook_requests_total', 'HTTP requests by route template and status code.');
  private readonly latency = new Histogram('modelbook_request_duration_seconds', 'Time from request to response, by route template.', LATENCY_BUCKETS);
  private readonly rows = new Counter('modelbook_rows_total', 'Rows received for scoring, by route template.');
  private readonly invalid = new Counter('modelbook_invalid_rows_total', 'Rows that failed input validation, by problem kind.');
  private readonly classes = new Counter('modelbook_predictions_total', 'Predictions returned, by predicted class.');
  private readonly values: Histogram;
  private readonly regression: boolean;

  constructor(model: Pick<LoadedModel, 'manifest' | 'scoreProfile'>) {
    this.regression = model.manifest.signature.outputs.task === 'regression';
    this.values = new Histogram('modelbook_prediction_value', 'Regression outputs returned.', valueBuckets(model));
  }

  request(route: string, status: number, seconds: number): void {
    this.requests.inc({ route, status: String(status) });
    this.latency.observe(seconds, { route });
  }

  scored(route: string, rows: number, predictions: readonly (Prediction | null)[], problems: readonly RowProblem[]): void {
    this.rows.inc({ route }, rows);
    const invalidRows = new Map<number, RowProblem['kind']>();
    for (const p of problems) if (!invalidRows.has(p.row)) invalidRows.set(p.row, p.kind);
    for (const kind of invalidRows.values()) this.invalid.inc({ kind });
    for (const p of predictions) {
      if (p === null || p.prediction === null) continue;
      if (this.regression && typeof p.prediction === 'number') this.values.observe(p.prediction);
      else this.classes.inc({ class: String(p.prediction) });
    }
  }

  render(): string {
    return renderMetrics([this.requests, this.latency, this.rows, this.invalid, this.regression ? this.values : this.classes]);
  }
}

/** Deciles of the score profile's first number column, else a wide default. */
function valueBuckets(model: Pick<LoadedModel, 'scoreProfile'>): number[] {
  const column = model.scoreProfile?.columns.find((c) => 'percentiles' in c);
  const percentiles = column && 'percentiles' in column ? column.percentiles : undefined;
  return percentiles && percentiles.length === 101 ? percentiles.filter((_, i) => i % 10 === 0) : DEFAULT_VALUE_BUCKETS;
}
