/**
 * Slack having a bad day, per Web API method, set by tests: rate limits with `Retry-After`, server
 * errors, and calls that hang. A fault lasts for the next `times` calls of that method, or until
 * it is cleared.
 */

export type Fault =
  /** HTTP 429 with `Retry-After: retryAfter` (seconds) and `{ ok: false, error: 'ratelimited' }`. */
  | { readonly kind: 'ratelimited'; readonly retryAfter: number }
  /** An HTTP error status (500 unless given), as when Slack itself fails. */
  | { readonly kind: 'error'; readonly status?: number }
  /**
   * No answer at all, and nothing done: the client's own timeout is what ends the call. Held
   * calls are cut off when the fault is cleared or the emulator stops.
   */
  | { readonly kind: 'hang' }
  /** The call is done, but answered only after `ms`: a client that gave up may try again. */
  | { readonly kind: 'slow'; readonly ms: number };

export interface FaultRule {
  readonly fault: Fault;
  /** Calls still to be failed; undefined means until cleared. */
  remaining: number | undefined;
}

/** What a method has been told to do: set, read, consume one call, clear. */
export class FaultPlan {
  private readonly rules = new Map<string, FaultRule>();
  private readonly clearListeners = new Set<(method: string | undefined) => void>();

  /**
   * Fails `method` (a Web API method such as `chat.postMessage`, or `response_url` and
   * `files.upload_url` for those endpoints; `*` for every method) the given way, for the next
   * `times` calls or until cleared.
   */
  set(method: string, fault: Fault, options: { times?: number } = {}): void {
    if (options.times !== undefined && (!Number.isInteger(options.times) || options.times < 1)) {
      throw new Error(`times must be a whole number of calls, 1 or more (got ${options.times}).`);
    }
    if (fault.kind === 'ratelimited' && !(fault.retryAfter >= 0)) {
      throw new Error('retryAfter is a number of seconds, 0 or more.');
    }
    this.rules.set(method, { fault, remaining: options.times });
  }

  /** Clears one method's fault, or every fault; calls held by `hang` are cut off. */
  clear(method?: string): void {
    if (method === undefined) this.rules.clear();
    else this.rules.delete(method);
    for (const listener of this.clearListeners) listener(method);
  }

  /** The fault that applies to this call, counting it against `times`. */
  take(method: string): Fault | undefined {
    const key = this.rules.has(method) ? method : this.rules.has('*') ? '*' : undefined;
    if (key === undefined) return undefined;
    const rule = this.rules.get(key);
    if (!rule) return undefined;
    if (rule.remaining !== undefined) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules.delete(key);
    }
    return rule.fault;
  }

  /** The faults in force, for a test that wants to check what is left. */
  active(): Record<string, FaultRule> {
    return Object.fromEntries([...this.rules.entries()].map(([method, rule]) => [method, { ...rule }]));
  }

  onClear(listener: (method: string | undefined) => void): () => void {
    this.clearListeners.add(listener);
    return () => this.clearListeners.delete(listener);
  }
}
