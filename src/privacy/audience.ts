import { AsyncLocalStorage } from 'node:async_hooks';
import type { Audience } from '../domain/effects.js';

/**
 * Who the Slack call being made is for. A listener (or the outbox worker) names the audience of
 * each call it makes with `sendingTo`; the outbound guard reads it with `currentAudience` while the
 * call crosses it, so HR's modal is judged as HR's and the employee's own modal as theirs. The
 * audience travels with the call's async context, so nothing has to thread it through the client.
 */
const storage = new AsyncLocalStorage<Audience>();

export function sendingTo<T>(audience: Audience, send: () => Promise<T>): Promise<T> {
  return storage.run(audience, send);
}

/** The audience of the call in progress, or undefined for a call nobody named (treat as strictest). */
export function currentAudience(): Audience | undefined {
  return storage.getStore();
}
