/** The renderer's side of the one channel to the extension (src/protocol/renderer.ts). */
import type { RendererToHost } from '../../src/protocol/renderer';

/** What a renderer needs of its context to talk to the extension (absent outside VS Code). */
export interface RendererChannel {
  postMessage?(message: unknown): void;
}

/** Sends one typed message to the extension. */
export type PostToHost = <K extends keyof RendererToHost>(type: K, payload: RendererToHost[K]) => void;

/**
 * A typed sender over the renderer context's channel, or undefined when the output has no channel
 * to the extension (a notebook viewer other than VS Code).
 *
 * @example
 * hostPoster(ctx)?.('openExperiments', { notebook: 'churn.mlnb', runIds: [] });
 */
export function hostPoster(channel: RendererChannel): PostToHost | undefined {
  if (!channel.postMessage) return undefined;
  const postMessage = channel.postMessage.bind(channel);
  return (type, payload) => postMessage({ type, payload });
}
