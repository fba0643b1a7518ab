import * as vscode from 'vscode';
import type { EvaluationView } from '../../core/evaluation/contract';
import { message } from '../../core/messages';
import type { RenderedReport } from '../../protocol/evaluation';
import type { RendererHandlers } from '../renderer/messaging';
import { EvaluationPanel } from './evaluationPanel';
import { findEvaluation, isEvaluationView } from './findEvaluation';

/** What the extension's API exposes about evaluations (tests read what the webviews drew). */
export interface EvaluationApi {
  /** The panel's last `rendered` report. */
  panelRendered(): RenderedReport | undefined;
  /** The compact reports drawn in cell outputs, latest last. */
  cellRendered(): RenderedReport[];
  /** How many times the panel's webview has drawn (it draws again after being hidden and shown). */
  panelRenderCount(): number;
  /** The evaluation the panel shows. */
  panelView(): EvaluationView | undefined;
}

/**
 * The `modelbook.openEvaluation` command and the renderer messages of the compact report: its
 * "Open Evaluation panel" button sends its evaluation here (through vscode/renderer/messaging).
 */
export function registerEvaluation(extensionUri: vscode.Uri): { disposables: vscode.Disposable[]; api: EvaluationApi; renderer: Pick<RendererHandlers, 'openEvaluation' | 'rendered'> } {
  const panel = new EvaluationPanel(extensionUri);
  const cellReports: RenderedReport[] = [];
  const open = (arg?: unknown): void => {
    const given = evaluationArg(arg);
    if (given === null) {
      void vscode.window.showErrorMessage(message.notAnEvaluation(describeArg(arg)));
      return;
    }
    const editor = vscode.window.activeNotebookEditor;
    const view = given ?? (editor ? findEvaluation(editor) : undefined);
    if (!view) {
      void vscode.window.showWarningMessage(message.noEvaluationOutput);
      return;
    }
    panel.show(view);
  };
  const disposables = [panel, vscode.commands.registerCommand('modelbook.openEvaluation', open)];
  const renderer: Pick<RendererHandlers, 'openEvaluation' | 'rendered'> = {
    openEvaluation: (payload) => open(payload),
    rendered: (report) => {
      cellReports.push(report);
      if (cellReports.length > 50) cellReports.shift();
    },
  };
  return { disposables, renderer, api: { panelRendered: () => panel.rendered, panelRenderCount: () => panel.renderCount, cellRendered: () => [...cellReports], panelView: () => panel.current } };
}

/** The evaluation an argument names: a view, or `{ view }` (what the cell report's button sends); null when it is neither. */
function evaluationArg(arg: unknown): EvaluationView | undefined | null {
  if (arg === undefined) return undefined;
  if (isEvaluationView(arg)) return arg;
  const inner = (arg as { view?: unknown } | null)?.view;
  return isEvaluationView(inner) ? inner : null;
}

function describeArg(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object')
    return `an object with keys ${
      Object.keys(v as object)
        .slice(0, 5)
        .join(', ') || '(none)'
    }`;
  return `a ${typeof v}`;
}
