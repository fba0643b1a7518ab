import type { SandboxSettings } from './sandbox';

/** Variables a kernel gets from the editor's environment: what programs and locales need, nothing secret. */
const PASSED = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|TZ|TMPDIR|TEMP|TMP|TERM|COLORTERM|SYSTEMROOT|WINDIR|LC_[A-Z_]+)$/;
/** Passed only when cells may use the network. */
const NETWORK = /^(HTTPS?_PROXY|NO_PROXY|ALL_PROXY|https?_proxy|no_proxy|all_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;
/** Never settable, not even by `modelbook.kernel.env`: they change what Node runs or loads before the sandbox. */
const FORBIDDEN = /^(NODE_OPTIONS|NODE_PATH|NODE_REPL_EXTERNAL_MODULE|LD_[A-Z_]+|DYLD_[A-Z_]+|ELECTRON_[A-Z_]+|UV_[A-Z_]+|MODELBOOK_[A-Z_]+)$/;

/**
 * The environment of a kernel or trial worker: an allowlist of the editor's variables (so cloud
 * credentials, tokens and VS Code's IPC socket names stay out of reach of cells), proxy and CA
 * variables only when the network is allowed, then the user's `modelbook.kernel.env`.
 *
 * @example
 * kernelEnvironment(process.env, DEFAULT_SANDBOX, { DATA_DIR: 'data' }) // { PATH: …, HOME: …, LANG: …, DATA_DIR: 'data' }
 */
export function kernelEnvironment(from: NodeJS.ProcessEnv, sandbox: SandboxSettings, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(from)) {
    if (v === undefined || FORBIDDEN.test(k)) continue;
    if (PASSED.test(k) || (sandbox.allowNetwork && NETWORK.test(k))) env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !FORBIDDEN.test(k)) env[k] = v;
  }
  return env;
}
