import { createLruCache } from '../store/lru-cache.js';

/** What LLM mode cost and how it went, for one conversation or in total. */
export type LlmUsage = {
  /** Requests that reached the model service (a retry inside the SDK is one call). */
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Summed wall time of the calls, in milliseconds (divide by `calls` for the mean). */
  latencyMs: number;
  /** Calls that failed (timeout, 429, 5xx, refusal, bad output) or were skipped by the breaker. */
  failures: number;
  /** Turns handled by rules extraction or template wording because the LLM failed. */
  fallbacks: number;
  /** Proposed values dropped because their evidence is not in the visitor's words. */
  rejected: number;
  /** Messages that read as instructions to the model: not sent to it, no field taken from them. */
  screened: number;
};

export const ZERO_USAGE: LlmUsage = Object.freeze({ calls: 0, promptTokens: 0, completionTokens: 0, latencyMs: 0, failures: 0, fallbacks: 0, rejected: 0, screened: 0 });

/** Per-conversation usage accounting, kept in memory (bounded) and summed. */
export type UsageLedger = {
  /** Adds `delta` to the conversation's usage (when an id is known) and to the total. */
  record(conversationId: string | null, delta: Partial<LlmUsage>): void;
  /** The usage of one conversation; zeros when unknown or forgotten. */
  of(conversationId: string): LlmUsage;
  total(): LlmUsage;
};

function add(a: LlmUsage, d: Partial<LlmUsage>): LlmUsage {
  return {
    calls: a.calls + (d.calls ?? 0),
    promptTokens: a.promptTokens + (d.promptTokens ?? 0),
    completionTokens: a.completionTokens + (d.completionTokens ?? 0),
    latencyMs: a.latencyMs + (d.latencyMs ?? 0),
    failures: a.failures + (d.failures ?? 0),
    fallbacks: a.fallbacks + (d.fallbacks ?? 0),
    rejected: a.rejected + (d.rejected ?? 0),
    screened: a.screened + (d.screened ?? 0),
  };
}

/**
 * Creates a usage ledger remembering the `capacity` most recently active conversations (a
 * long-running server must not grow without bound; the total keeps counting).
 * @example
 *   const usage = createUsageLedger();
 *   usage.record('conv-1', { calls: 1, promptTokens: 812, completionTokens: 64, latencyMs: 420 });
 *   usage.of('conv-1').calls // 1
 */
export function createUsageLedger(capacity = 10_000): UsageLedger {
  const perConversation = createLruCache<string, LlmUsage>(capacity);
  let total = ZERO_USAGE;
  return {
    record(conversationId, delta) {
      total = add(total, delta);
      if (conversationId === null) return;
      perConversation.set(conversationId, add(perConversation.get(conversationId) ?? ZERO_USAGE, delta));
    },
    of: (conversationId) => perConversation.get(conversationId) ?? ZERO_USAGE,
    total: () => total,
  };
}
