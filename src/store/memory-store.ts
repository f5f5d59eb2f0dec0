import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Store } from './store.js';
import { assertConversationId } from './conversation-id.js';
import { parseConversation } from './parse-conversation.js';

/**
 * An in-memory Store for tests and the eval. It behaves like the lowdb adapter: ids are
 * checked (AppError('BAD_REQUEST')), documents are validated on save (AppError('INTERNAL')),
 * and it keeps deep copies, so mutating an object after saving it, or after getting it,
 * never changes what is stored.
 *
 * @example
 *   const store = createMemoryStore();
 *   await store.saveConversation(conversation);
 *   await store.getConversation(conversation.id); // an equal, separate copy
 */
export function createMemoryStore(): Store {
  const saved = new Map<string, Conversation>();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new AppError('INTERNAL', 'the conversation store is closed');
  }

  return {
    async getConversation(id) {
      assertConversationId(id);
      assertOpen();
      const doc = saved.get(id);
      return doc === undefined ? null : structuredClone(doc);
    },
    async peekConversation(id) {
      assertConversationId(id);
      assertOpen();
      return saved.get(id) ?? null;
    },
    async saveConversation(conversation) {
      assertConversationId(conversation.id);
      assertOpen();
      // parse already builds fresh objects; the explicit clone keeps the isolation guarantee
      // independent of zod's internals.
      const doc = parseConversation(conversation, `conversation ${conversation.id}`);
      const next = { ...doc, version: doc.version + 1 };
      saved.set(conversation.id, structuredClone(next));
      return next;
    },
    async listConversationIds() {
      assertOpen();
      return [...saved.keys()].sort();
    },
    async close() {
      closed = true;
    },
  };
}
