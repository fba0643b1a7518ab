import type { GateResult, JsonValue } from '../runs/contract';
import type { CheckpointResult } from './contract';
import { checkpointMessage } from './messages';

/**
 * What a checkpoint run records: params, metrics and the one gate, in the layout every reader
 * (lifecycle gates, the model diff, the card) expects.
 *
 * @example
 * const { params, metrics, gates } = checkpointRecord(result);
 */
export function checkpointRecord(result: CheckpointResult): { params: Record<string, JsonValue>; metrics: { passed: 1 | 0 }; gates: GateResult[] } {
  const params: Record<string, JsonValue> = {
    checkpoint: result.id,
    title: result.title,
    passed: result.passed,
    problems: result.problems.map((p) => ({ what: p.what, why: p.why, fix: p.fix })),
    checked: [...result.checked],
    ...(result.subject?.length ? { subject: [...result.subject] } : {}),
  };
  const detail = result.problems[0]?.what ?? checkpointMessage.passedDetail;
  return { params, metrics: { passed: result.passed ? 1 : 0 }, gates: [{ name: `checkpoint:${result.id}`, passed: result.passed, detail }] };
}
