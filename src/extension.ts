import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from './core/notebook/contract';
import { MlnbSerializer, SERIALIZER_OPTIONS } from './vscode/serializer';
import { ModelbookController } from './vscode/controller';
import { KernelRegistry } from './vscode/kernels';
import { KernelStatusBar } from './vscode/status';
import { KernelRuntimeInstaller } from './vscode/kernelRuntime';
import { registerCommands } from './vscode/commands';
import { trackCellIds } from './vscode/cellIds';
import { registerNotebookLanguage, type LangApi } from './vscode/lang/register';
import { registerRuns, type RunsApi } from './vscode/runs/index';
import { registerEvaluation, type EvaluationApi } from './vscode/evaluation/register';
import { registerMonitoring, type MonitorApi } from './vscode/monitor/register';
import { registerGovernance, type GovernanceApi } from './vscode/governance/register';
import { registerCards, type CardApi } from './vscode/card/register';
import { listenToRenderer } from './vscode/renderer/messaging';
import { registerReview, type ReviewApi } from './vscode/review/register';
import { registerReviewCommand, type ReviewCommandApi } from './vscode/review/registerCommand';
import { registerWalkthrough, type WalkthroughApi } from './vscode/walkthrough/register';
import { registerTemplates, type TemplatesApi } from './vscode/templates/register';
import { registerVariables, type VariablesApi } from './vscode/variables/register';
import { registerDataViewer, type DataViewerApi } from './vscode/dataViewer/register';

/** Wiring only: the pieces live in src/vscode. TF.js and the data libraries never load here. */
export function activate(context: vscode.ExtensionContext): {
  kernels: KernelRegistry;
  controller: ModelbookController;
  status: KernelStatusBar;
  runs: RunsApi;
  evaluation: EvaluationApi;
  monitoring: MonitorApi;
  cards: CardApi;
  review: ReviewApi & ReviewCommandApi;
  governance: GovernanceApi;
  walkthrough: WalkthroughApi;
  templates: TemplatesApi;
  lang: LangApi;
  variables: VariablesApi;
  dataViewer: DataViewerApi;
} {
  const log = vscode.window.createOutputChannel('Modelbook Kernel', { log: true });
  const runtime = new KernelRuntimeInstaller(context, log);
  const kernels = new KernelRegistry(context.extensionUri, log, runtime.dir);
  const status = new KernelStatusBar(kernels);
  const runs = registerRuns(context, log);
  const evaluation = registerEvaluation(context.extensionUri);
  const monitoring = registerMonitoring(context.extensionUri);
  const governance = registerGovernance(context.extensionUri);
  const cards = registerCards(context.extensionUri);
  const reviewCommand = registerReviewCommand(context, runs.api.service);
  const controller = new ModelbookController(kernels);
  const review = registerReview(log);
  const walkthrough = registerWalkthrough(runs.api.service, log);
  const templates = registerTemplates(context.extensionUri);
  const lang = registerNotebookLanguage(context.extensionUri, kernels);
  const variables = registerVariables(kernels, controller);
  const dataViewer = registerDataViewer(context.extensionUri, kernels);
  context.subscriptions.push(
    log,
    kernels,
    status,
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new MlnbSerializer(), SERIALIZER_OPTIONS),
    controller,
    trackCellIds(),
    ...registerCommands(kernels),
    runtime.register(),
    kernels.onDidChangeState(({ notebook, state }) => {
      if (state === 'idle') runtime.offerAfterStart(notebook, kernels.get(notebook)?.status);
    }),
    // The runs tree and panel show the new path at once, without waiting on the file watcher.
    kernels.onDidAdoptRuns(() => void runs.api.service.sync()),
    ...runs.disposables,
    ...evaluation.disposables,
    ...monitoring.disposables,
    ...governance.disposables,
    ...cards.disposables,
    ...review.disposables,
    ...reviewCommand.disposables,
    ...walkthrough.disposables,
    ...templates.disposables,
    ...lang.disposables,
    ...variables.disposables,
    ...dataViewer.disposables,
    listenToRenderer({ ...evaluation.renderer, ...runs.renderer, ...monitoring.renderer, ...cards.renderer }),
  );
  return {
    kernels,
    controller,
    status,
    runs: runs.api,
    evaluation: evaluation.api,
    monitoring: monitoring.api,
    cards: cards.api,
    review: { ...review.api, ...reviewCommand.api },
    governance: governance.api,
    walkthrough: walkthrough.api,
    templates: templates.api,
    lang: lang.api,
    variables: variables.api,
    dataViewer: dataViewer.api,
  };
}

export function deactivate(): void {
  // Sessions are disposed with the context's subscriptions.
}
