/**
 * The conversation id a port input carries, if any. ExtractInput has no such field yet (see the
 * LLM-mode wiring notes); the shell may add `conversationId` and usage is then counted per
 * conversation. Read structurally so both shapes work.
 */
export function conversationIdOf(input: object): string | null {
  return 'conversationId' in input && typeof input.conversationId === 'string' ? input.conversationId : null;
}
