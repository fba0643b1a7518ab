import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { MonitorReport } from '../../../../src/core/monitor/contract';
import { isMonitorReport, monitorReportProblem } from '../../../../src/core/monitor/isMonitorReport';
import { isMonitorFromWebview, isRendererToHost } from '../../../../src/vscode/webview/guards';
import { REPO } from '../../paths';

/** The report the Chromium tests draw, made by the real monitor code (test/fixtures/monitor/make-report.mjs). */
const report = () => JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/monitor/flights-shift.report.json'), 'utf8')) as MonitorReport;

describe('core/monitor isMonitorReport (the schema compiled at build time, plus chart lengths)', () => {
  it('accepts a real report and names what is wrong with a broken one', () => {
    assert.equal(monitorReportProblem(report()), undefined);
    assert.match(monitorReportProblem({ ...report(), kind: 'modelbook.evaluation' }) ?? '', /\/kind/);
    assert.match(monitorReportProblem({ ...report(), version: 2 }) ?? '', /\/version/);
    const { summary: _summary, ...noSummary } = report();
    assert.match(monitorReportProblem(noSummary) ?? '', /summary/);
    assert.match(monitorReportProblem([]) ?? '', /expected object/);
    const short = report();
    short.features[1].chart!.current.pop();
    assert.match(monitorReportProblem(short) ?? '', /^\/features\/1\/chart: \d+ labels but \d+ reference and \d+ current shares$/);
  });

  it('is generated from schemas/monitor-report.schema.json as it is now (else: node scripts/build-schema-validator.mjs)', async () => {
    const { generateMonitorReportValidator, MONITOR_OUT } = (await import(path.join(REPO, 'scripts/build-schema-validator.mjs'))) as { generateMonitorReportValidator(): string; MONITOR_OUT: string };
    const text = fs.readFileSync(path.join(REPO, MONITOR_OUT), 'utf8');
    assert.equal(text, generateMonitorReportValidator(), `${MONITOR_OUT} is stale: run node scripts/build-schema-validator.mjs`);
    assert.doesNotMatch(text, /\bnew Function\b|\beval\(|\brequire\(/);
  });

  it('the renderer channel and the Monitoring panel accept only what they send', () => {
    assert.ok(isRendererToHost({ type: 'openMonitoring', payload: { report: report() } }));
    assert.equal(isRendererToHost({ type: 'openMonitoring', payload: { report: { kind: 'modelbook.monitor' } } }), false, 'not a whole report');
    assert.ok(isRendererToHost({ type: 'monitorRendered', payload: { status: 'ok', features: ['a'], charts: [] } }));
    assert.equal(isRendererToHost({ type: 'monitorRendered', payload: { status: 'fine', features: [], charts: [] } }), false);
    assert.ok(isMonitorFromWebview({ type: 'ready' }));
    assert.ok(isMonitorFromWebview({ type: 'selectFeature', payload: { name: 'delay' } }));
    assert.ok(isMonitorFromWebview({ type: 'rendered', payload: { status: 'critical', features: ['delay'], charts: ['feature-delay'], selected: 'delay' } }));
    assert.equal(isMonitorFromWebview({ type: 'selectFeature', payload: { name: 3 } }), false);
    assert.equal(isMonitorFromWebview({ type: 'openFile', payload: { path: '/etc/passwd' } }), false);
    assert.ok(isMonitorReport(report()));
  });
});
