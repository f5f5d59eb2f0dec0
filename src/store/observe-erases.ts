import type { Store } from './store.js';

/**
 * `store` with every erase that removed something announced to `onErased` (after it landed),
 * every other method passed through: for indexes kept outside the store (analytics).
 *
 * @example const store = observeErases(base, (id) => analytics.erased(id));
 */
export function observeErases(store: Store, onErased: (id: string) => void): Store {
  return {
    getConversation: (id) => store.getConversation(id),
    saveConversation: (conversation) => store.saveConversation(conversation),
    pendingEvents: (conversationId) => store.pendingEvents(conversationId),
    markHandedOver: (conversationId, eventIds) => store.markHandedOver(conversationId, eventIds),
    async eraseConversation(id) {
      const erased = await store.eraseConversation(id);
      if (erased) onErased(id);
      return erased;
    },
    listConversationIds: () => store.listConversationIds(),
    queryInbox: (search) => store.queryInbox(search),
    close: () => store.close(),
  };
}
