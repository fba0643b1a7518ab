/**
 * `modelbook` command line: `modelbook run NOTEBOOK.mlnb` executes a notebook headless with the
 * same kernel VS Code uses.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { message } from '../core/messages';
import type * as Check from './check';
import { NotebookFormatError } from '../core/notebook/parse';
import { FileReadError } from '../store/readRegularFile';
import { UsageError, parseArgs } from './args';
import { runNotebook } from './run';
import { installNodeCommand, withInstalledNode } from './installNode';
import { runRunsCommand } from './runs';
import { runDiffCommand } from './diff';
import { runExportCommand } from './export';
import { runPredictCommand } from './predict';
import { runServeCommand } from './serve';
import { runRegistryCommand } from './registry';
import { runRetrainCommand } from './retrain';
import { runMonitorCommand } from './monitor';
import { runLineageCommand } from './lineage';
import { runApproveCommand, runApprovalsCommand } from './approve';
import { runAuditCommand } from './audit';
import { runCardCommand } from './card';
import { runReportCommand } from './report';
import { runNewCommand } from './new';
import { KernelStartError } from '../kernel/host/kernelProcess';

declare const MODELBOOK_VERSION: string;

async function main(argv: string[]): Promise<number> {
  const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
  try {
    if (argv[0] === 'runs') return await runRunsCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'diff') return await runDiffCommand(argv.slice(1), io, process.cwd(), __dirname);
    if (argv[0] === 'export') return await runExportCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'predict') return await runPredictCommand(argv.slice(1), { ...io, errIsTty: process.stderr.isTTY === true });
    if (argv[0] === 'serve') return await runServeCommand(argv.slice(1), io, MODELBOOK_VERSION);
    if (argv[0] === 'registry') return await runRegistryCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'retrain') return await runRetrainCommand(argv.slice(1), io, process.cwd(), __dirname);
    if (argv[0] === 'lineage') return runLineageCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'approve') return runApproveCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'approvals') return runApprovalsCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'audit') return runAuditCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'monitor') return await runMonitorCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'card') return await runCardCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'new') return runNewCommand(argv.slice(1), io, process.cwd(), __dirname);
    if (argv[0] === 'report') return await runReportCommand(argv.slice(1), io, process.cwd());
    if (argv[0] === 'check') return (await checkModule()).runCheckCommand(argv.slice(1), io, process.cwd(), __dirname);
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.out(`${usageOf(args.verb)}\n`);
        return 0;
      case 'version':
        io.out(`${MODELBOOK_VERSION}\n`);
        return 0;
      case 'run':
        if (args.check && !(await checkModule()).checkBeforeRun(args.notebook, io, process.cwd(), __dirname)) return 1;
        return (await runNotebook(withInstalledNode(args), __dirname, io)).exitCode;
      case 'install-node':
        return await installNodeCommand(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usageOf(argv[0])}\n`);
      return 2;
    }
    if (e instanceof NotebookFormatError || e instanceof FileReadError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    if (e instanceof KernelStartError) {
      io.err(`${e.message}\n`);
      return 3;
    }
    io.err(`${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

/** dist/check.js, a bundle of its own (see esbuild.mjs): it holds the TypeScript compiler, which no other verb loads. */
async function checkModule(): Promise<typeof Check> {
  const mod = (await import(pathToFileURL(path.join(__dirname, 'check.js')).href)) as { default: typeof Check };
  return mod.default;
}

/** The usage of the verb the user typed, or of every verb. */
function usageOf(verb: string | undefined): string {
  return verb === 'run' ? message.cliRunUsage : verb === 'install-node' ? message.cliInstallNodeUsage : message.cliUsage;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
