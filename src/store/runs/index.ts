// Public API of src/store/runs: the file-backed run store (Node only; the pure parts are in src/core/runs).
export { openRunRecorder, createFileSink, type FileRunRecorder, type OpenRecorderOptions } from './recorder';
export { RunIndex, type IndexChange, type RunFileChange, type RunIndexOptions } from './runIndex';
export { collectRunContext, type ContextSource } from './context';
export { readGitInfo, readGitInfoAsync, parseGitStatus } from './git';
export { loadRunHistory, type LoadHistoryOptions } from './history';
export { markInterruptedRuns, markRunsOfWriterInterrupted, annotateRun, type RunAnnotation } from './annotate';
export { readRunFile, readRunRecord, RunFileError, type RunFile } from './readRun';
export { ensureRunFolders, runsFolder, artifactsFolder, findRunWorkspace, workspaceRelative, MODELBOOK_DIR, RUNS_DIR, ARTIFACTS_DIR } from './paths';
export { isProcessAlive, hostLiveness } from './liveness';
export { removeStaleTempFiles, isTempFile } from './tempFiles';
export { loadIndexCache, saveIndexCache, type CachedRun } from './indexCache';
