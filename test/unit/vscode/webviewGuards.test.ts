import { strict as assert } from 'node:assert';
import { isEvaluationFromWebview, isExperimentsFromWebview, isRendererToHost } from '../../../src/vscode/webview/guards';

describe('webview message guards', () => {
  it('accept what the panels really send', () => {
    assert.ok(isExperimentsFromWebview({ type: 'ready' }));
    assert.ok(isExperimentsFromWebview({ type: 'compare', payload: { requestId: 1, ids: ['a', 'b'] } }));
    assert.ok(isExperimentsFromWebview({ type: 'exportCsv', payload: { ids: ['a'], columns: ['metrics.auc'] } }));
    assert.ok(isEvaluationFromWebview({ type: 'saveFile', payload: { format: 'png', suggestedName: 'roc.png', content: 'data:image/png;base64,AAAA' } }));
    assert.ok(isRendererToHost({ type: 'openEvaluation', payload: { view: {} } }));
    assert.ok(isRendererToHost({ type: 'openExperiments', payload: { notebook: 'churn.mlnb', runIds: ['01JD0000AAAA'] } }));
    assert.ok(isRendererToHost({ type: 'openExperiments', payload: { runIds: [] } }));
  });
  const refused: [string, unknown, (m: unknown) => boolean][] = [
    ['an unknown message type', { type: 'runShell', payload: { cmd: 'rm -rf ~' } }, isExperimentsFromWebview],
    ['a run id that is not a string', { type: 'openCell', payload: { id: { toString: null } } }, isExperimentsFromWebview],
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
});
