import { strict as assert } from 'node:assert';
import { pickCardRuns } from '../../../../src/core/card/cardRuns';
import { diffCard } from '../../../../src/core/review/diffCard';
import { cardChangeText } from '../../../../src/core/review/structureText';
import { cardInputs, IDS } from './cardFixture';

describe('core/review: diffCard (the model diff shows the card’s changes)', () => {
  it('lists the sections whose numbers or prose changed, and prose missing on head', () => {
    const b = cardInputs();
    const h = cardInputs({ intendedUse: 'Rank customers for retention calls.', limitations: 'Trained on 2024 customers only.', ethics: '' });
    h.evaluation = { ...h.evaluation, id: '01JD0000000000000000000EV2', metrics: { ...h.evaluation.metrics, auc: 0.9 } };
    const change = diffCard({ record: b.evaluation, cardRuns: { card: b.card, problem: b.problem } }, { record: h.evaluation, cardRuns: { card: h.card, problem: h.problem } });
    assert.deepEqual(
      change?.changed.map((c) => c.section),
      ['metrics', 'ethicalConsiderations'],
    );
    assert.equal(change?.problemChanged, false);
    assert.deepEqual(change?.missingHead, ['ethicalConsiderations.prose']);
    assert.equal(cardChangeText(change!), 'sections changed: Metrics, Ethical Considerations; missing prose on head: ethicalConsiderations.prose');
  });

  it('says nothing when a side has no card, and a run moved to another id is not a change', () => {
    const b = cardInputs();
    assert.equal(diffCard({ record: b.evaluation }, { record: b.evaluation, cardRuns: { card: b.card } }), undefined);
    const moved = { ...b.evaluation, id: '01JD0000000000000000000EV3' };
    assert.deepEqual(diffCard({ record: b.evaluation, cardRuns: { card: b.card } }, { record: moved, cardRuns: { card: b.card } })?.changed, []);
  });

  it('picks the card run naming the evaluation, else the notebook’s latest, and the notebook’s latest problem', () => {
    const { evaluation, card, problem, fit } = cardInputs();
    const later = { ...card!, id: '01JD0000000000000000000CA9', startedAt: '2026-03-02T00:00:00.000Z', params: { intendedUse: 'x' } };
    assert.equal(pickCardRuns(evaluation, [fit!, card!, later, problem!])?.card?.id, IDS.card);
    assert.equal(pickCardRuns({ ...evaluation, id: '01JD0000000000000000000EV9' }, [card!, later, problem!])?.card?.id, later.id);
    assert.equal(pickCardRuns(evaluation, [problem!]), undefined);
  });
});
