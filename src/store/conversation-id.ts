import { AppError } from '../errors/app-error.js';

/**
 * What a conversation id may look like. The id becomes a file name in the lowdb adapter, so
 * the alphabet has no dot, slash or backslash: no `..`, no hidden files, no path traversal.
 */
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Throws AppError('BAD_REQUEST') unless `id` matches {@link CONVERSATION_ID_PATTERN}.
 * Every Store adapter calls it before anything else, so a bad id never reaches the disk.
 *
 * @example
 *   assertConversationId('c_42');      // ok
 *   assertConversationId('../secrets'); // throws AppError('BAD_REQUEST')
 */
export function assertConversationId(id: string): void {
  if (typeof id !== 'string' || !CONVERSATION_ID_PATTERN.test(id)) {
    // JSON.stringify shows control characters and quotes instead of printing them raw.
    const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 80)) : typeof id;
    throw new AppError(
      'BAD_REQUEST',
      `invalid conversation id ${shown}: expected 1-64 characters of A-Z, a-z, 0-9, _ or -`,
    );
  }
}
