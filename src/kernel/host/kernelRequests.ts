import type { HostToKernel, KernelToHost } from '../../protocol/kernel';
import { variablesMessage } from '../../core/kernel/messages';
import type { KernelProcess } from './kernelProcess';

/** The host's questions to a kernel and the message type that answers each. */
const ANSWERS = {
  complete: 'completions',
  variables: 'variablesResult',
  tablePage: 'tablePageResult',
  tableStats: 'tableStatsResult',
} as const;

export type Question = keyof typeof ANSWERS;
type AnswerType = (typeof ANSWERS)[Question];
export type Answer<Q extends Question> = KernelToHost[(typeof ANSWERS)[Q]];
/** How a request ended: the kernel's (checked) answer, or why there is none, as a sentence. */
export type Settled<Q extends Question> = { ok: true; answer: Answer<Q> } | { ok: false; why: string };

/**
 * Requests to a kernel, each matched to its answer by `requestId` and by the answer's type (an answer
 * of another kind cannot settle it); without an answer they settle with the reason: a timeout, the
 * kernel ended, or its answer was malformed.
 */
export class KernelRequests {
  private ids = 0;
  private readonly waiters = new Map<string, (s: Settled<Question>) => void>();

  /** Sends `question` to `kernel` and waits at most `timeoutMs` for its answer. */
  request<Q extends Question>(kernel: KernelProcess, question: Q, payload: Omit<HostToKernel[Q], 'requestId'>, timeoutMs: number): Promise<Settled<Q>> {
    const requestId = ++this.ids;
    const key = keyOf(ANSWERS[question], requestId);
    return new Promise((resolve) => {
      const finish = (s: Settled<Question>) => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(s as Settled<Q>);
      };
      const timer = setTimeout(() => finish({ ok: false, why: variablesMessage.timedOut(question, timeoutMs) }), timeoutMs);
      this.waiters.set(key, finish);
      void kernel.exited.then(() => finish({ ok: false, why: variablesMessage.noKernel }));
      kernel.send(question, { ...payload, requestId } as HostToKernel[Q]);
    });
  }

  /** A checked answer from the kernel: settles its request (a late or unknown id is ignored). */
  answer<T extends AnswerType>(type: T, payload: KernelToHost[T]): void {
    this.waiters.get(keyOf(type, payload.requestId))?.({ ok: true, answer: payload });
  }

  /** A malformed answer: its request settles now, with the reason, rather than at its timeout. */
  refuse(bad: { reason: string; type?: string; requestId?: number }): void {
    if (bad.type !== undefined && bad.requestId !== undefined) this.waiters.get(keyOf(bad.type, bad.requestId))?.({ ok: false, why: variablesMessage.badReply(bad.reason) });
  }
}

const keyOf = (type: string, requestId: number) => `${type}:${requestId}`;
