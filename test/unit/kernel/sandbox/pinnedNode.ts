import os from 'node:os';
import path from 'node:path';
import { installPinnedNode } from '../../../../src/store/kernelNode/install';

/** Where tests keep the pinned Node they download once (`MODELBOOK_TEST_NODE_DIR` to share one). */
export const TEST_NODE_DIR = process.env.MODELBOOK_TEST_NODE_DIR || path.join(os.tmpdir(), 'modelbook-test-node');

let installing: Promise<{ node?: string; why?: string }> | undefined;

/** The pinned Node 26, installed from the npm registry on first use; `why` says why there is none. */
export function pinnedTestNode(): Promise<{ node?: string; why?: string }> {
  installing ??= installPinnedNode({ dir: TEST_NODE_DIR }).then(
    (node) => ({ node }),
    (e: Error) => ({ why: `no pinned Node 26 (${e.message})` }),
  );
  return installing;
}
