// The web-standard globals core code may use: each exists in every runtime core runs in (Node 20+,
// the sandboxed kernel, browsers and webviews). tsconfig.core.json type-checks src/core with only
// these and the ES library, so a Node global (Buffer, process, require, setImmediate) or a DOM one
// (document, window) in core fails `npm run check-types`. Declared narrowly, with only the members
// core uses; the other projects get the full declarations from @types/node or the DOM library and
// exclude this file.

interface Console {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}
declare var console: Console;

/** Opaque: a number in browsers, a Timeout object in Node. */
type TimerHandle = unknown;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

declare function atob(data: string): string;
declare function btoa(data: string): string;
declare function structuredClone<T>(value: T): T;

interface Performance {
  now(): number;
}
declare var performance: Performance;

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { prototype: AbortSignal };
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };
