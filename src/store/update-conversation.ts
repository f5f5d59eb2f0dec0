import type { Conversation } from '../conversation/conversation-schema.js';
import { retryStale } from './retry-stale.js';
import type { Store } from './store.js';

/** How many times a change is applied to a fresh read before the last STALE_WRITE is thrown. */
const DEFAULT_ATTEMPTS = 5;

/**
 * Reads a conversation, applies `change` and saves the result compare-and-set; when another
 * save came in between (AppError('STALE_WRITE')), reads it again and re-applies the change, a
 * few times at most. `change` must therefore be a pure function of the conversation it is given;
 * it returns null to leave the conversation as it is. Resolves with the saved conversation, or
 * null when there is none (or nothing to change).
 *
 * @example
 *   await updateConversation(store, id, (conv) => ({ ...conv, phase: { kind: 'ended' } }));
 */
export async function updateConversation(
  store: Store,
  id: string,
  change: (conversation: Conversation) => Conversation | null,
  attempts = DEFAULT_ATTEMPTS,
): Promise<Conversation | null> {
  return retryStale(async () => {
    const current = await store.getConversation(id);
    const next = current === null ? null : change(current);
    return next === null ? null : store.saveConversation(next);
  }, attempts);
}
