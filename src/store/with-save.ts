import type { Conversation } from '../conversation/conversation-schema.js';
import type { Store } from './store.js';

/**
 * `store` with its save replaced by `save` (which calls the wrapped store's own save), every
 * other method passed through: the one shape of the store decorators (outbox hand-over, save
 * events, stage history).
 *
 * @example withSave(store, async (c) => { const saved = await store.saveConversation(c); notify(saved); return saved; })
 */
export function withSave(
  store: Store,
  save: (conversation: Conversation) => Promise<Conversation>,
): Store {
  return {
    getConversation: (id) => store.getConversation(id),
    pendingEvents: (conversationId) => store.pendingEvents(conversationId),
    markHandedOver: (conversationId, eventIds) => store.markHandedOver(conversationId, eventIds),
    eraseConversation: (id) => store.eraseConversation(id),
    listConversationIds: () => store.listConversationIds(),
    queryInbox: (search) => store.queryInbox(search),
    close: () => store.close(),
    saveConversation: save,
  };
}
