import type { ExtractInput } from '../extract/extractor.js';

/**
 * The conversation an extractor input belongs to, or null when the caller named none (a
 * one-off extraction, a unit test). The chat service always passes `conversationId`: usage is
 * then counted for that conversation and its turn's time budget is shared with the phrasing of
 * the replies; without one, usage only counts in the process total and each call gets a budget
 * of its own.
 * @example conversationIdOf({ conversationId: 'c-1' }) // 'c-1'
 */
export function conversationIdOf(input: Pick<ExtractInput, 'conversationId'>): string | null {
  return input.conversationId ?? null;
}
