/**
 * Defaults of the kernel limits a user can change, written once: the CLI flags, the VS Code
 * settings reader and (through a unit test) package.json's setting defaults all use these.
 */

/** Memory cap of each kernel in MB (`--memory-limit-mb`, `modelbook.kernel.memoryLimitMb`). */
export const DEFAULT_MEMORY_LIMIT_MB = 4096;
