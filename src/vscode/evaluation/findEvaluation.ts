import * as vscode from 'vscode';
import { EVALUATION_VIEW_KIND, type EvaluationView } from '../../core/evaluation/contract';
import { MIME } from '../../core/notebook/mime';

const decoder = new TextDecoder();

export function isEvaluationView(v: unknown): v is EvaluationView {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === EVALUATION_VIEW_KIND && Array.isArray((v as { metrics?: unknown }).metrics);
}

/** The last evaluation among a cell's outputs. */
export function evaluationOfCell(cell: vscode.NotebookCell): EvaluationView | undefined {
  for (let o = cell.outputs.length - 1; o >= 0; o--) {
    const item = cell.outputs[o].items.find((i) => i.mime === MIME.evaluation);
    if (item) {
      const view = JSON.parse(decoder.decode(item.data)) as unknown;
      if (isEvaluationView(view)) return view;
    }
  }
  return undefined;
}

/**
 * The evaluation the user means: the selected cell's, else the most recently run cell's that
 * has one (cells never run in this session count by their position, last first).
 */
export function findEvaluation(editor: vscode.NotebookEditor): EvaluationView | undefined {
  const nb = editor.notebook;
  const selected = editor.selection && !editor.selection.isEmpty ? nb.cellAt(editor.selection.start) : undefined;
  const fromSelected = selected && evaluationOfCell(selected);
  if (fromSelected) return fromSelected;
  const candidates = nb
    .getCells()
    .map((cell) => ({ cell, view: evaluationOfCell(cell), ended: cell.executionSummary?.timing?.endTime ?? -1 }))
    .filter((c) => c.view)
    .sort((a, b) => b.ended - a.ended || b.cell.index - a.cell.index);
  return candidates[0]?.view;
}
