/** The kernel global through which rewritten cells import modules (see `src/kernel/runtime/main.ts`). */
export const KERNEL_GLOBAL = '__mb';
