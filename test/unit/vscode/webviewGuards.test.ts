import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { isDataViewerFromWebview, isCardFromWebview, isEvaluationFromWebview, isExperimentsFromWebview, isModelCard, isRendererToHost, isReviewFromWebview } from '../../../src/vscode/webview/guards';
import { FIXTURES } from '../paths';

describe('webview message guards', () => {
  it('accept what the panels really send', () => {
    assert.ok(isExperimentsFromWebview({ type: 'ready' }));
    assert.ok(isExperimentsFromWebview({ type: 'compare', payload: { requestId: 1, ids: ['a', 'b'] } }));
    assert.ok(isExperimentsFromWebview({ type: 'exportCsv', payload: { ids: ['a'], columns: ['metrics.auc'] } }));
    assert.ok(isExperimentsFromWebview({ type: 'modelDiff', payload: { ids: ['01JD0000AAAA', '01JD0000BBBB'] } }));
    assert.ok(isEvaluationFromWebview({ type: 'saveFile', payload: { format: 'png', suggestedName: 'roc.png', content: 'data:image/png;base64,AAAA' } }));
    assert.ok(isRendererToHost({ type: 'openEvaluation', payload: { view: {} } }));
    assert.ok(isRendererToHost({ type: 'openExperiments', payload: { notebook: 'churn.mlnb', runIds: ['01JD0000AAAA'] } }));
    assert.ok(isRendererToHost({ type: 'openExperiments', payload: { runIds: [] } }));
  });
  const refused: [string, unknown, (m: unknown) => boolean][] = [
    ['an unknown message type', { type: 'runShell', payload: { cmd: 'rm -rf ~' } }, isExperimentsFromWebview],
    ['a run id that is not a string', { type: 'openCell', payload: { id: { toString: null } } }, isExperimentsFromWebview],
    ['a model diff of three runs', { type: 'modelDiff', payload: { ids: ['a', 'b', 'c'] } }, isExperimentsFromWebview],
    ['a model diff of one run', { type: 'modelDiff', payload: { ids: ['a'] } }, isExperimentsFromWebview],
    ['a comparison of a million runs', { type: 'compare', payload: { requestId: 1, ids: new Array(1_000_000).fill('a') } }, isExperimentsFromWebview],
    ['a save suggested outside the folder', { type: 'saveFile', payload: { format: 'svg', suggestedName: '../../.bashrc', content: '' } }, isEvaluationFromWebview],
    ['a save in an unknown format', { type: 'saveFile', payload: { format: 'sh', suggestedName: 'x.sh', content: '' } }, isEvaluationFromWebview],
    ['a bare string', 'ready', isEvaluationFromWebview],
    ['a renderer message of another type', { type: 'openCell', payload: { id: 'a' } }, isRendererToHost],
    ['the inline history message in its old flat shape', { type: 'openExperiments', notebook: 'churn.mlnb', runIds: ['a'] }, isRendererToHost],
    ['run ids that are not strings', { type: 'openExperiments', payload: { runIds: [{}] } }, isRendererToHost],
  ];
  for (const [what, m, guard] of refused) {
    it(`refuse ${what}`, () => assert.equal(guard(m), false));
  }

  it('the Model Diff panel: a cell of a workspace notebook, optionally a metric or slice; nothing outside the workspace', () => {
    assert.ok(isReviewFromWebview({ type: 'ready' }));
    assert.ok(isReviewFromWebview({ type: 'openCell', payload: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval' } }));
    assert.ok(isReviewFromWebview({ type: 'showNotebookDiff', payload: { notebook: 'churn.mlnb' } }));
    assert.ok(isReviewFromWebview({ type: 'startThread', payload: { notebook: 'churn.mlnb', cellId: 'c', metric: 'auc', slice: 'region=east' } }));
    for (const notebook of ['../x.mlnb', 'a/../../x.mlnb', '/etc/passwd', 'C:/x.mlnb', 'a\\..\\x.mlnb', '', 42])
      assert.equal(isReviewFromWebview({ type: 'openCell', payload: { notebook, cellId: 'c' } }), false, String(notebook));
    assert.equal(isReviewFromWebview({ type: 'openCell', payload: { notebook: 'a.mlnb', cellId: '' } }), false);
    assert.equal(isReviewFromWebview({ type: 'startThread', payload: { notebook: 'a.mlnb', cellId: 'c', metric: 7 } }), false);
    assert.equal(isReviewFromWebview({ type: 'runShell', payload: {} }), false);
  });
  it('the model card views: a whole card of this version, a ULID run id and a field; nothing else steers the host', () => {
    const card = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'card/penguins.card.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(isModelCard(card));
    assert.ok(isRendererToHost({ type: 'openCard', payload: { card } }));
    const source = { runId: (card.runIds as string[])[0], field: 'metrics.auc' };
    assert.ok(isRendererToHost({ type: 'openRun', payload: source }));
    assert.ok(isCardFromWebview({ type: 'openRun', payload: source }));
    assert.ok(isCardFromWebview({ type: 'rendered', payload: { name: 'x', sections: ['metrics'], missing: [], charts: [], links: 3 } }));
    assert.equal(isModelCard({ ...card, version: 99 }), false, 'another version');
    assert.equal(isModelCard({ ...card, sections: { ...(card.sections as object), metrics: undefined } }), false, 'a section missing');
    assert.equal(isRendererToHost({ type: 'openCard', payload: { card: { kind: 'modelbook.card' } } }), false);
    assert.equal(isCardFromWebview({ type: 'openRun', payload: { runId: '../../etc/passwd', field: 'x' } }), false, 'not a run id');
    assert.equal(isCardFromWebview({ type: 'openRun', payload: { runId: source.runId.toLowerCase(), field: 'x' } }), false, 'ULIDs are upper case');
    assert.equal(isCardFromWebview({ type: 'openRun', payload: { runId: source.runId, field: 'x'.repeat(600) } }), false, 'a field path too long');
    assert.equal(isCardFromWebview({ type: 'rendered', payload: { name: 'x', sections: [], missing: [], charts: [], links: -1 } }), false);
  });

  it('data viewer: pages no larger than the kernel answers, filters no longer than it accepts, a well-formed sort', () => {
    const query = { sort: [{ column: 'age', descending: true }], filter: 'd => d.age > 30' };
    assert.ok(isDataViewerFromWebview({ type: 'ready' }));
    assert.ok(isDataViewerFromWebview({ type: 'getPage', payload: { requestId: 1, offset: 999_750, limit: 250, query } }));
    assert.ok(isDataViewerFromWebview({ type: 'getStats', payload: { requestId: 2, column: 'age' } }));
    assert.ok(isDataViewerFromWebview({ type: 'exportCsv', payload: { query } }));
    assert.ok(isDataViewerFromWebview({ type: 'rendered', payload: { totalRows: 3, firstRow: 0, columns: ['a'], cells: [['1'], ['2']] } }));
    assert.ok(!isDataViewerFromWebview({ type: 'getPage', payload: { requestId: 1, offset: 0, limit: 1_000_000, query } }), 'a page bigger than the kernel answers');
    assert.ok(!isDataViewerFromWebview({ type: 'getPage', payload: { requestId: 1, offset: -1, limit: 10, query } }));
    assert.ok(!isDataViewerFromWebview({ type: 'getPage', payload: { requestId: 1, offset: 0, limit: 10, query: { sort: [], filter: 'x'.repeat(5000) } } }), 'a filter longer than the kernel accepts');
    assert.ok(!isDataViewerFromWebview({ type: 'exportCsv', payload: { query: { sort: [{ column: 'age', descending: 'yes' }], filter: '' } } }));
    assert.ok(!isDataViewerFromWebview({ type: 'runCell', payload: { source: 'process.exit()' } }), 'an unknown type');
  });
});
