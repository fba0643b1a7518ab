import { ANNEX_IV_ITEMS, type AnnexIvItemId, type AnnexIvRow, type CardSectionId, type CardSections } from './contract';

type Check = (s: CardSections) => boolean[];
const has = (p: string) => p.trim() !== '';

/**
 * Which card sections answer which Annex IV item, and what must be filled for it to count. Items a
 * model card cannot answer (hardware, market forms, standards, the declaration of conformity) map to
 * no section and stay listed as unanswered with the reason.
 */
const ANNEX_IV_MAP: Record<AnnexIvItemId, { sections: CardSectionId[]; check?: Check; note?: string }> = {
  '1(a)': { sections: ['modelDetails', 'intendedUse'], check: (s) => [has(s.intendedUse.primary), has(s.modelDetails.owners), s.modelDetails.version !== ''] },
  '1(b)': { sections: [], note: 'out of a model card: how the system around the model uses it' },
  '1(c)': { sections: ['modelDetails'], check: (s) => [Object.keys(s.modelDetails.environment.libraries).length > 0] },
  '1(d)': { sections: [], note: 'out of a model card: how the system is placed on the market' },
  '1(e)': { sections: [], note: 'out of a model card: the hardware it is meant to run on' },
  '1(g)': { sections: [], note: 'out of a model card: the deployer user interface' },
  '1(h)': { sections: ['intendedUse', 'caveatsAndRecommendations'], check: (s) => [has(s.intendedUse.primary), has(s.caveatsAndRecommendations.recommendations)] },
  '2(a)': { sections: ['trainingData', 'modelDetails'], check: (s) => [s.modelDetails.fitRunId !== undefined || s.trainingData.data.length > 0, s.modelDetails.codeHash !== undefined] },
  '2(b)': { sections: ['modelDetails', 'metrics'], check: (s) => [s.modelDetails.type !== '', has(s.metrics.successCriteria)] },
  '2(c)': { sections: ['modelDetails'], check: (s) => [s.modelDetails.parameterCount !== undefined] },
  '2(d)': { sections: ['trainingData'], check: (s) => [s.trainingData.data.length > 0, has(s.trainingData.notes)] },
  '2(e)': { sections: ['ethicalConsiderations'], check: (s) => [has(s.ethicalConsiderations.humanOversight)] },
  '2(f)': { sections: [], note: 'not recorded: pre-determined changes belong to the change plan' },
  '2(g)': {
    sections: ['metrics', 'evaluationData', 'quantitativeAnalyses'],
    check: (s) => [s.metrics.metrics.length > 0, s.evaluationData.data.length > 0, s.quantitativeAnalyses.slicings.length > 0],
  },
  '2(h)': { sections: [], note: 'out of a model card: cybersecurity measures of the system' },
  '3': {
    sections: ['quantitativeAnalyses', 'caveatsAndRecommendations', 'ethicalConsiderations'],
    check: (s) => [s.quantitativeAnalyses.slicings.length > 0, has(s.caveatsAndRecommendations.limitations), has(s.ethicalConsiderations.prose)],
  },
  '4': { sections: ['metrics'], check: (s) => [has(s.metrics.rationale)] },
  '5': { sections: ['ethicalConsiderations'], check: (s) => [has(s.ethicalConsiderations.prose), s.metrics.gates.length > 0] },
  '6': { sections: ['caveatsAndRecommendations'], check: (s) => [s.caveatsAndRecommendations.reviews.length > 0] },
  '7': { sections: [], note: 'out of a model card: harmonised standards applied' },
  '8': { sections: [], note: 'out of a model card: the EU declaration of conformity' },
  '9': { sections: ['quantitativeAnalyses'], check: (s) => [s.quantitativeAnalyses.driftReference !== undefined, s.quantitativeAnalyses.monitoring !== undefined] },
};

/**
 * The Annex IV table of a card: every item in the Annex's order, with the sections that answer it
 * and whether they do.
 *
 * @example
 * collectAnnexIv(card.sections).filter((r) => r.status === 'unanswered').map((r) => r.item)
 */
export function collectAnnexIv(sections: CardSections): AnnexIvRow[] {
  return ANNEX_IV_ITEMS.map(({ id, title }) => {
    const m = ANNEX_IV_MAP[id];
    const checks = m.check?.(sections) ?? [];
    const filled = checks.filter(Boolean).length;
    const status: AnnexIvRow['status'] = checks.length === 0 || filled === 0 ? 'unanswered' : filled === checks.length ? 'answered' : 'partial';
    const row: AnnexIvRow = { item: id, title, sections: m.sections, status };
    if (m.note) row.note = m.note;
    return row;
  });
}
