import { formatBytes } from './text/number';

const RUN_USAGE = `modelbook run NOTEBOOK.mlnb [--out FILE] [--cell-timeout SECONDS] [--continue-on-error] [--print]
                    [--max-output SIZE] [--check]
                    [--memory-limit-mb N] [--no-sandbox] [--allow-read PATH] [--allow-write PATH]
                    [--allow-child-process] [--allow-worker] [--allow-addons] [--allow-net] [--env KEY=VALUE] [--node PATH]`;
const INSTALL_NODE_USAGE = 'modelbook install-node [--registry URL]';

/**
 * Every user-facing sentence Modelbook says, in one place (as vega-lite's `log/message.ts`).
 * Each names the problem and, where there is one, the fix.
 */
export const message = {
  // arguments of core functions
  argNotInteger: (fn: string, name: string, min: number, got: unknown) => `${fn}: ${name} must be an integer ≥ ${min} (got ${typeof got === 'string' ? JSON.stringify(got) : String(got)}).`,
  argBigIntUnsafe: (fn: string, name: string, row: number, got: bigint) =>
    `${fn}: ${name}[${row}] is ${got}n, beyond the integers a number holds exactly (±(2^53 − 1)), so it cannot be read as a number. Convert the column yourself: Array.from(col, Number) rounds such values, Array.from(col, String) keeps them exact as class labels.`,

  // notebook files
  notebookBadJson: (file: string, detail: string, where: string) =>
    `${file} is not valid JSON${where} (${detail}). Fix the JSON, or open the file with the text editor ("Reopen Editor With…" → Text Editor); Modelbook will not overwrite it.`,
  notebookNotObject: (file: string) => `${file} is not a notebook: the file must hold one JSON object with "cells" and "nbformat".`,
  notebookWrongVersion: (file: string, v: unknown) => `${file} has nbformat ${JSON.stringify(v)}; Modelbook reads nbformat 4. Convert it with \`jupyter nbconvert --to notebook --nbformat 4\`.`,
  notebookNoCells: (file: string) => `${file} has no "cells" list, so it is not an nbformat-4 notebook.`,
  notebookBadCellType: (where: string, t: unknown) => `${where} has cell_type ${JSON.stringify(t)}; expected "code", "markdown" or "raw".`,
  notebookBadOutputType: (where: string, t: unknown) => `${where} has output_type ${JSON.stringify(t)}; expected "stream", "execute_result", "display_data" or "error".`,
  notebookBadText: (where: string) => `${where} must be a string or a list of strings.`,
  notebookExpectedObject: (where: string) => `${where} must be a JSON object.`,
  notebookExpectedArray: (where: string) => `${where} must be a JSON list.`,

  // files read by the store and the CLI (reasons are phrases: they follow a file name)
  fileUnreadable: (file: string, reason: string) => `Cannot read ${file}: ${reason}.`,
  dataFileUnreadable: (fn: string, file: string, reason: string) => `${fn}: ${message.fileUnreadable(file, reason)}`,
  fileNotRegular: (kind: string) => `${kind}, not a regular file`,
  fileIsSymlink: 'a symbolic link, which Modelbook does not follow here; replace it with the file itself',
  fileTooBig: (size: number, max: number) => `${formatBytes(size, { binary: true })}, larger than the ${formatBytes(max, { binary: true })} limit`,
  fileMissing: 'no such file',
  fileSystemRefused: (code: string) => `the system refused to open it (${code})`,
  dataFileNotPath: (fn: string) => `${fn}: expected a file path (a string), e.g. ${fn}('data/train.csv'); relative paths start from the notebook's folder.`,
  dataFileMissing: (fn: string, file: string, absolute: string, cwd: string) => `${fn}: no file ${file} (looked for ${absolute}; relative paths start from the notebook's folder ${cwd}).`,

  // cell outputs that could not be stored as given (shown in the cell as a stderr note)
  outputNotBundle: (got: string) => `Modelbook dropped a display: its data must be an object of MIME type → value, got ${got}.\n`,
  outputBadValue: (mime: string, problem: string, kept: boolean) => `Modelbook ${kept ? 'converted' : 'dropped'} the ${mime} value of a display: ${problem}${kept ? '; it is stored as text' : ''}.\n`,
  outputNotString: (got: string) => `a text type needs a string, got ${got}`,
  outputNotBase64String: (got: string) => `a binary type needs a base64 string, got ${got}`,
  outputNotBase64: 'a binary type needs base64 text, and this string is not base64',
  outputNotJson: (detail: string) => `it cannot be written as JSON (${detail})`,
  outputTooDeep: (max: number) => `it nests deeper than ${max} levels, more than notebook readers (nbformat) accept`,

  // cell directives
  directiveUnknown: (line: number, name: string, known: string[]) => `Cell line ${line}: unknown directive "//% ${name}". Known directives: ${known.map((k) => `//% ${k}`).join(', ')}.`,
  directiveBadValue: (line: number, name: string, expected: string) => `Cell line ${line}: "//% ${name}" expects ${expected}.`,

  // kernel
  kernelInterrupted: 'Interrupted: the cell was stopped. Variables defined before it are kept.',
  kernelCellTimeout: (seconds: number) => `Timed out: the cell ran longer than ${seconds} s and was interrupted (raise it with \`//% timeout SECONDS\` in the cell or --cell-timeout).`,
  kernelDied: (reason: string) => `The kernel stopped: ${reason}. The notebook and its outputs are intact; the next run starts a fresh kernel.`,
  kernelOutOfMemory: (capMb: number) => `it ran out of memory (the cap is ${capMb} MB; raise it with the setting modelbook.kernel.memoryLimitMb or the CLI flag --memory-limit-mb)`,
  kernelKilledBySignal: (signal: string, capMb: number) =>
    signal === 'SIGSEGV' || signal === 'SIGBUS'
      ? `it was killed by ${signal}, which usually means it hit the memory cap of ${capMb} MB (setting modelbook.kernel.memoryLimitMb, CLI flag --memory-limit-mb)`
      : `it was killed by ${signal}`,
  kernelExited: (code: number) => `it exited with code ${code}`,
  kernelUnresponsive: (seconds: number) => `the kernel did not stop within ${seconds} s of the interrupt (it was busy outside cell code), so it was restarted; variables were lost`,
  kernelRestarted: 'the kernel was restarted',
  outputDropped: (dropped: string, limit: string) => `… ${dropped} of output dropped (limit ${limit}: setting modelbook.output.maxBytes, CLI --max-output) …`,
  displayDropped: (size: string, limit: string) => `… a display of ${size} was dropped (limit ${limit}: setting modelbook.output.maxBytes, CLI --max-output) …`,
  runKernelEnded: (reason: string) => `the kernel stopped before the run ended: ${reason}`,
  internalError: (detail: string) => `Modelbook failed to run this cell (an internal error, please report it): ${detail}`,
  kernelBadMessage: (reason: string) => `The kernel sent the host a malformed message (${reason}); it was ignored. Code in this cell called process.send, or the kernel is broken.`,
  kernelStartFailed: (detail: string) => `The kernel could not start: ${detail}`,
  kernelNodeMissing: (path: string) => `no such file: ${path}`,
  tfBackendFailed: (detail: string) => `Modelbook: could not set up the TensorFlow.js backend: ${detail}`,
  tfSlowBackend: (backend: string, reason: string | undefined) =>
    `Modelbook: TensorFlow.js runs on the ${backend} backend (≈30× slower than wasm for matrix products): ${reason ?? 'wasm was not tried'}.`,
  tfNodeFailed: (error: string) => `@tensorflow/tfjs-node is installed but did not load: ${error}`,
  tfNodeMissing: '@tensorflow/tfjs-node is not installed in the workspace',
  tfWasmFailed: (error: string) => `tfjs-backend-wasm did not load: ${error}`,
  tfWasmMissing: 'tfjs-backend-wasm is not available (neither in the workspace nor bundled)',
  tfWasmPathsFailed: (error: string) => `setWasmPaths failed: ${error}`,
  tfWasmRefused: (wasmDir: string, from: string) => `tf.setBackend('wasm') returned false (.wasm files from ${wasmDir}, module from ${from})`,
  tfNoSetWasmPaths: 'the module has no setWasmPaths export',
  tfCpuBackendMissing: (kernelName: string) => `${kernelName}: the wasm backend runs this op on the cpu backend, which is not registered.`,
  kernelStartTimeout: (seconds: number) =>
    `The kernel could not start: it did not answer within ${seconds} s and was stopped. See the kernel log (VS Code: Modelbook: Show Kernel Log; CLI: --verbose).`,
  untrustedWorkspace: 'Modelbook does not run cells in an untrusted workspace, because cells run code. Trust the workspace (command "Workspaces: Manage Workspace Trust") to run them.',
  untrustedRestart: 'Modelbook did not restart the kernel: this workspace is not trusted, and a kernel runs code. Trust the workspace (command "Workspaces: Manage Workspace Trust") to start kernels.',
  sandboxOff: (why: string) => `Sandbox off: ${why}. Cells run with the full rights of your user.`,
  sandboxNoPermissionModel: (node: string, version: string) =>
    `${node} (${version}) does not support Node's permission model; set modelbook.kernel.nodePath to Node 20 or newer to turn the sandbox on`,
  workspaceSettingIgnored: (key: string) =>
    `${key} is set in the workspace's settings and was ignored: settings that decide what cells may do are read from your user settings only (a repository or a cell can write .vscode/settings.json).`,
  sandboxDisabledBySetting: 'the setting modelbook.sandbox.enabled is false (CLI: --no-sandbox)',

  // sandbox refusals: each names the setting (VS Code) and the flag (CLI) that would allow it
  deniedRead: (resource: string) =>
    `The sandbox refused to read ${resource}: cells may read only the workspace. To allow it, add the folder to the setting modelbook.sandbox.allowRead (CLI: --allow-read PATH).`,
  deniedWrite: (resource: string) =>
    `The sandbox refused to write ${resource}: cells may write only inside the workspace. To allow it, add the folder to the setting modelbook.sandbox.allowWrite (CLI: --allow-write PATH).`,
  deniedChildProcess: 'The sandbox refused to start a child process. To allow it, turn on the setting modelbook.sandbox.allowChildProcess (CLI: --allow-child-process).',
  deniedWorker: 'The sandbox refused to start a worker thread. To allow it, turn on the setting modelbook.sandbox.allowWorkers (CLI: --allow-worker).',
  deniedAddon: 'The sandbox refused to load a native addon. To allow it, turn on the setting modelbook.sandbox.allowNativeAddons (CLI: --allow-addons).',
  deniedSymlink: (link: string, target: string) =>
    `The sandbox refused ${link}: it is a symbolic link to ${target}, outside the folders cells may use (links are followed before the check). To allow it, add ${target}'s folder to the setting modelbook.sandbox.allowRead or allowWrite (CLI: --allow-read / --allow-write PATH).`,
  deniedNetwork: 'The sandbox refused network access: cells may not open sockets. To allow it, turn on the setting modelbook.sandbox.allowNetwork (CLI: --allow-net).',
  deniedSignal: (pid?: number) =>
    `The sandbox refused to signal or reprioritise ${pid === undefined ? 'another process' : `process ${pid}`}: a cell may signal only its own kernel. Turn off the setting modelbook.sandbox.enabled (CLI: --no-sandbox) to allow it.`,
  deniedV8Flags:
    'The sandbox refused to change V8 flags at run time (some write files anywhere or turn off memory safety). Pass flags when the kernel starts instead, or turn off the setting modelbook.sandbox.enabled (CLI: --no-sandbox).',
  deniedOther: (permission: string) => `The sandbox refused this operation (${permission}). Turn off the setting modelbook.sandbox.enabled (CLI: --no-sandbox) to allow it.`,

  // modules
  moduleNotFound: (spec: string, from: string) =>
    `Cannot find module "${spec}" from ${from}. Install it in the workspace (\`npm install ${
      spec.startsWith('.')
        ? '<package>'
        : spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/')
    }\`) or check the path.`,
  moduleTypeScriptLocal: (spec: string) => `Cannot import "${spec}": local TypeScript files are not loaded by the kernel yet; import a .js/.mjs/.cjs file or a package.`,

  // VS Code
  statusIdle: 'idle',
  statusBusy: 'busy',
  statusStarting: 'starting',
  statusDead: 'dead',
  statusStopped: 'not started',
  statusSandboxOn: 'sandbox on',
  statusSandboxDetail: (landlock: number, seccomp: boolean) =>
    `Sandbox on: reads the workspace, writes inside it, no child processes. ${landlock > 0 ? `OS layer: Landlock ABI ${landlock}${seccomp ? ' and seccomp' : ''} (symbolic links, signals and V8 writes are refused by Linux too).` : 'No OS layer on this system: Node\'s permission model and the kernel\'s guards only (see README, "Sandbox").'}`,
  statusNetworkClosed: 'Network: refused.',
  statusNetworkOpenShort: '(network open)',
  statusNetworkOpen:
    'Network: OPEN — allowed by modelbook.sandbox.allowNetwork, or neither this Node (< 25) nor this system can refuse it (run "Modelbook: Install Kernel Node Runtime"; see README, "Kernel Node runtime").',
  statusSandboxOff: 'sandbox OFF',
  noActiveNotebook: 'Open a Modelbook notebook (.mlnb) first.',
  noEvaluationOutput: 'No evaluation to show: run a cell whose result is an evaluation (e.g. `await evaluate(model, test, { label })` as its last line), select it, then open the Evaluation panel.',
  notAnEvaluation: (what: string) =>
    `Modelbook: Open Evaluation Panel was given ${what}, not an evaluation: pass an Evaluation's view (ev.view) or run the command on a cell with an evaluation output.`,
  notAMonitorReport: (what: string, problem: string) =>
    `Modelbook: Open Monitoring Report: ${what} is not a monitoring report (${problem}). Save one with \`npx modelbook monitor DIR CURRENT --format json --out report.json\`, or run \`await monitor(...)\` in a cell.`,
  unreadableMonitorReport: (file: string, reason: string) => `Modelbook: could not read the monitoring report ${file}: ${reason}`,
  noMonitorReports: 'No JSON files in this workspace: save a report with `npx modelbook monitor DIR CURRENT --format json --out report.json` first.',
  pickMonitorReport: 'Choose a monitoring report (JSON written by modelbook monitor --format json)',
  evaluationExportFailed: (target: string, detail: string) => `Could not save ${target}: ${detail}. Choose another folder or check its permissions.`,
  exportNotPng: (start: string) => `the PNG export must be a base64 data:image/png URL, got "${start}…"`,
  noKernelToRestart: 'This notebook has no kernel yet: run a cell to start one.',
  kernelRestartedInfo: 'Modelbook: kernel restarted. Variables are cleared; outputs are kept.',
  newNotebookCell: '// A Modelbook notebook: TypeScript cells run in a sandboxed kernel.\n// Try: import * as aq from "arquero"; aq.table({ x: [1, 2, 3] })\n',

  // CLI
  cliUsage: `Usage: ${RUN_USAGE}
       modelbook check NOTEBOOK... [--format text|json]
       modelbook runs [--notebook X] [--filter EXPR] [--sort KEY] [--limit N] [--json | --csv] [--workspace DIR]
       modelbook runs show ID
       modelbook diff BASE HEAD [--notebook X] [--format text|md|json|html] [--out FILE] [--fail-on regression|gates|never]
       modelbook export RUN_ID --out DIR [--name NAME] [--allow-failed-gates]
       modelbook predict DIR INPUT [--out FILE] [--proba] [--on-invalid fail|skip|null] [--format csv|jsonl] [--id COL]
       modelbook serve DIR [--port N] [--host 127.0.0.1] [--max-body BYTES] [--log FILE] [--log-payloads FILE]
       modelbook registry list|show NAME|register DIR [--name N] [--alias A]|alias NAME VERSION ALIAS
       modelbook retrain NOTEBOOK --champion NAME [--promote] [--format text|md|json] [--out FILE]
       modelbook monitor DIR CURRENT [--labels COL] [--score COL] [--rules FILE] [--format text|md|json|html] [--out FILE]
       modelbook card RUN_ID|NOTEBOOK [--format md|html|json|mct|hf] [--out FILE]
       modelbook lineage RUN_ID|PACKAGE_DIR [--format text|json]
       modelbook approve RUN_ID|PACKAGE_DIR --role ROLE [--note TEXT]
       modelbook approvals [RUN_ID|PACKAGE_DIR] [--json]
       modelbook audit NOTEBOOK|PACKAGE_DIR [--format text|json|md]
       modelbook new TEMPLATE [DIR] | --list
       ${INSTALL_NODE_USAGE}`,
  cliRunUsage: `Usage: ${RUN_USAGE}`,
  cliInstallNodeUsage: `Usage: ${INSTALL_NODE_USAGE}`,
  cliUnknownCommand: (cmd: string) => `Unknown command "${cmd}".`,
  cliUnknownFlag: (flag: string, verb: string, valid: readonly string[]) => `Unknown option "${flag}" for modelbook ${verb} (valid: ${valid.join(', ')}).`,
  cliFlagTakesNoValue: (flag: string) => `Option ${flag} takes no value.`,
  cliUnexpectedArgument: (arg: string, verb: string) => `Unexpected argument "${arg}" for modelbook ${verb}.`,
  cliBadEnv: (value: string) => `--env needs KEY=VALUE, got "${value}".`,
  cliMissingValue: (flag: string) => `Option ${flag} needs a value.`,
  cliBadNumber: (flag: string, value: string) => `Option ${flag} needs a positive number, got "${value}".`,
  cliBadSize: (flag: string, value: string) => `Option ${flag} needs a size such as 5MB, 500kB or 1000000 (bytes), got "${value}".`,
  cliNoNotebook: 'Name the notebook to run, e.g. `modelbook run churn.mlnb`.',
  cliNotFound: (file: string) => `No such notebook: ${file}.`,
  cliNotebookTooBig: (reason: string, file: string) => `${reason} for a notebook; clear its outputs (\`jupyter nbconvert --clear-output --inplace ${file}\`) and keep large data in files beside it`,

  // estimator input (fit / predict / score take a table and a label column name, like a Pipeline)
  estimatorLabelNeedsTable: (caller: string, label: string) =>
    `${caller}: y is the string ${JSON.stringify(label)}, the name of a label column, but x is not a table; pass an arquero table that holds "${label}", or the target values themselves.`,
  estimatorMissingFeatures: (caller: string, missing: readonly string[], seen: readonly string[]) =>
    `${caller}: x is missing features seen at fit: ${missing.map((c) => `"${c}"`).join(', ')} (the model was fitted on ${seen.join(', ')}).`,

  // the pinned kernel Node (Node ≥ 25 refuses the network under the permission model)
  nodeInstallOffer: (mb: number, version: string) =>
    `Install Node ${version.split('.')[0]} for the kernel sandbox's network protection (≈${mb} MB from the npm registry)? The kernel's current Node does not refuse the network by itself; the next kernel start would use Node ${version}.`,
  nodeInstallActionInstall: 'Install',
  nodeInstallActionNotNow: 'Not now',
  nodeInstallActionNever: "Don't ask again",
  nodeInstallProgress: (version: string) => `Modelbook: installing Node ${version} for kernels`,
  nodeInstallDone: (version: string, bin: string) => `Node ${version} is installed for Modelbook kernels (${bin}); restart a kernel to use it.`,
  nodeInstallFailed: (detail: string) => `Modelbook could not install the kernel's Node: ${detail}`,
  nodeInstallUntrusted: 'Modelbook installs a kernel runtime only in a trusted workspace.',
  nodeInstallUnsupported: (platform: string, arch: string) =>
    `The npm registry has no Node 26 build for ${platform}-${arch}; set modelbook.kernel.nodePath (CLI: --node) to a Node 25 or newer you installed.`,
  nodeInstallUnreachable: (url: string, detail: string) => `could not download ${url} (${detail}). Check the network or the npm registry setting (npm config get registry).`,
  nodeInstallHttp: (url: string, status: number) => `the registry answered HTTP ${status} for ${url}.`,
  nodeInstallIntegrity: (url: string, expected: string, got: string) =>
    `${url} does not match its pinned integrity (expected ${expected}, got ${got}); it was not installed. A registry mirror may serve a different file.`,
  nodeInstallNoEntry: (url: string, entry: string) => `${url} has no ${entry}; it was not installed.`,
  nodeInstallTruncated: (dest: string) => `the tarball ends inside ${dest}`,
  nodeInstallBadBinary: (bin: string, detail: string) => `the downloaded Node does not run here (${bin}: ${detail}); it was not installed.`,
  cliInstallNodeDone: (version: string, bin: string) => `Node ${version} installed: ${bin} (modelbook run uses it unless --node is given)`,
} as const;
