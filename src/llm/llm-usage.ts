import type { LlmFailure } from './llm-error.js';

/** What LLM mode cost and how it went, for one conversation or in total. */
export type LlmUsage = {
  /** Visitor messages the LLM extractor handled (one per turn). */
  turns: number;
  /** Requests that reached the model service (a retry inside the SDK is one call). */
  calls: number;
  /** Input tokens, cached ones included. */
  promptTokens: number;
  /** Of `promptTokens`: served from the provider's prompt cache (`prompt_tokens_details.cached_tokens`). */
  cachedPromptTokens: number;
  completionTokens: number;
  /** Summed wall time of the calls, in milliseconds (divide by `calls` for the mean). */
  latencyMs: number;
  /** Calls that failed (timeout, 429, 5xx, refusal, bad output) or were skipped (breaker, no time left). */
  failures: number;
  /** `failures` by kind. */
  failureKinds: Partial<Record<LlmFailure, number>>;
  /** Turns handled by rules extraction plus messages sent in template wording because the LLM failed. */
  fallbacks: number;
  /** Of `fallbacks`: turns whose extraction fell back to the rules. */
  extractFallbacks: number;
  /** Of `fallbacks`: messages that kept the template wording. */
  phraseFallbacks: number;
  /** Proposed values dropped because their evidence is not in the visitor's words. */
  rejected: number;
  /** Messages that read as instructions to the model: not sent to it, rules read the rest. */
  screened: number;
};

/** An increment: any counters, and one failure kind to count. */
export type UsageDelta = Partial<Omit<LlmUsage, 'failureKinds'>> & { kind?: LlmFailure };

export const ZERO_USAGE: LlmUsage = Object.freeze({
  turns: 0,
  calls: 0,
  promptTokens: 0,
  cachedPromptTokens: 0,
  completionTokens: 0,
  latencyMs: 0,
  failures: 0,
  failureKinds: Object.freeze({}),
  fallbacks: 0,
  extractFallbacks: 0,
  phraseFallbacks: 0,
  rejected: 0,
  screened: 0,
});

/** One conversation's usage and when it last changed. */
export type ConversationUsage = LlmUsage & { conversationId: string; updatedAt: string };

/** Per-conversation usage accounting, kept in memory (bounded) and summed. */
export type UsageLedger = {
  /** Adds `delta` to the conversation's usage (when an id is known) and to the total. */
  record(conversationId: string | null, delta: UsageDelta): void;
  /** The usage of one conversation; zeros when unknown or forgotten. */
  of(conversationId: string): LlmUsage;
  /** The most recently active conversations first, at most `limit`. */
  recent(limit: number): ConversationUsage[];
  total(): LlmUsage;
};

/** `a` plus `d`: counters summed, the delta's failure kind counted. */
export function addUsage(a: LlmUsage, d: UsageDelta): LlmUsage {
  const failureKinds =
    d.kind === undefined
      ? a.failureKinds
      : { ...a.failureKinds, [d.kind]: (a.failureKinds[d.kind] ?? 0) + 1 };
  return {
    turns: a.turns + (d.turns ?? 0),
    calls: a.calls + (d.calls ?? 0),
    promptTokens: a.promptTokens + (d.promptTokens ?? 0),
    cachedPromptTokens: a.cachedPromptTokens + (d.cachedPromptTokens ?? 0),
    completionTokens: a.completionTokens + (d.completionTokens ?? 0),
    latencyMs: a.latencyMs + (d.latencyMs ?? 0),
    failures: a.failures + (d.failures ?? 0),
    failureKinds,
    fallbacks: a.fallbacks + (d.fallbacks ?? 0),
    extractFallbacks: a.extractFallbacks + (d.extractFallbacks ?? 0),
    phraseFallbacks: a.phraseFallbacks + (d.phraseFallbacks ?? 0),
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
export function createUsageLedger(
  capacity = 10_000,
  clock: () => Date = () => new Date(),
): UsageLedger {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`ledger capacity must be a positive integer, got ${capacity}`);
  // A Map iterates in insertion order: re-inserting on each record keeps the most recent last.
  const perConversation = new Map<string, ConversationUsage>();
  let total = ZERO_USAGE;
  return {
    record(conversationId, delta) {
      total = addUsage(total, delta);
      if (conversationId === null) return;
      const before = perConversation.get(conversationId) ?? ZERO_USAGE;
      perConversation.delete(conversationId);
      perConversation.set(conversationId, {
        ...addUsage(before, delta),
        conversationId,
        updatedAt: clock().toISOString(),
      });
      for (const oldest of perConversation.keys()) {
        if (perConversation.size <= capacity) break;
        perConversation.delete(oldest);
      }
    },
    of(conversationId) {
      const u = perConversation.get(conversationId);
      if (u === undefined) return ZERO_USAGE;
      const { conversationId: _id, updatedAt: _at, ...usage } = u;
      return usage;
    },
    recent(limit) {
      return [...perConversation.values()].reverse().slice(0, Math.max(0, limit));
    },
    total: () => total,
  };
}

/** Mean tokens per turn: input (cached included), cached input, output. */
export type TokensPerTurn = { input: number; cachedInput: number; output: number };

/**
 * The mean tokens of one turn in `u` (zeros before the first turn), rounded.
 * @example tokensPerTurn({ ...ZERO_USAGE, turns: 2, promptTokens: 1000 }).input // 500
 */
export function tokensPerTurn(u: LlmUsage): TokensPerTurn {
  const per = (n: number): number => (u.turns === 0 ? 0 : Math.round(n / u.turns));
  return {
    input: per(u.promptTokens),
    cachedInput: per(u.cachedPromptTokens),
    output: per(u.completionTokens),
  };
}
