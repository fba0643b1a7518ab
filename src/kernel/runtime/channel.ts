import type { Envelope, HostToKernel, KernelToHost } from '../../protocol/kernel';

/** Sends one typed message to the host over Node IPC. */
export function send<K extends keyof KernelToHost>(type: K, payload: KernelToHost[K]): void {
  process.send?.({ type, payload });
}

/** Calls `handle` for every message from the host. */
export function onMessage(handle: (msg: Envelope<HostToKernel>) => void): void {
  process.on('message', (msg) => handle(msg as Envelope<HostToKernel>));
}
