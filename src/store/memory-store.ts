import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { inboxProjection, type InboxProjection } from '../console/inbox/inbox-row.js';
import { parseConfig } from '../config/load-config.js';
import type { Store } from './store.js';
import { createInboxIndex } from './inbox-index.js';
import { assertVersion } from './assert-version.js';
import { assertConversationId } from './conversation-id.js';
import { parseConversation } from './parse-conversation.js';
import { createPendingOutbox, newEvents } from './pending-outbox.js';

/**
 * An in-memory Store for tests and the eval. It behaves like the lowdb adapter: ids are
 * checked (AppError('BAD_REQUEST')), documents are validated on save (AppError('INTERNAL')),
 * saves are compare-and-set on the version (AppError('STALE_WRITE')), a save's new outbox
 * events are pending until handed over (in memory only), an erase forgets the conversation and
 * its events, and it keeps deep copies, so mutating an object after saving it, or after getting
 * it, never changes what is stored. The inbox rows (`options.inbox`, by default the default
 * config's scoring) are kept in an index updated on every save and erase.
 *
 * @example
 *   const store = createMemoryStore();
 *   const saved = await store.saveConversation(conversation);
 *   await store.getConversation(conversation.id); // equal to `saved`, a separate copy
 */
export function createMemoryStore(options: { inbox?: InboxProjection } = {}): Store {
  const saved = new Map<string, Conversation>();
  const projection = options.inbox ?? inboxProjection(parseConfig({}));
  const inbox = createInboxIndex();
  const pending = createPendingOutbox();
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
    async saveConversation(conversation) {
      assertConversationId(conversation.id);
      assertOpen();
      const doc = parseConversation(conversation, `conversation ${conversation.id}`);
      assertVersion(doc.id, saved.get(doc.id)?.version ?? 0, doc.version);
      // parse already builds fresh objects; the explicit clones keep the isolation guarantee
      // independent of zod's internals.
      const next = { ...doc, version: doc.version + 1 };
      const before = saved.get(doc.id)?.outbox.map((e) => e.id);
      saved.set(doc.id, structuredClone(next));
      inbox.put(projection.project(next));
      pending.add(doc.id, newEvents(next.outbox, before));
      return structuredClone(next);
    },
    async pendingEvents(conversationId) {
      assertOpen();
      return pending.list(conversationId);
    },
    async markHandedOver(conversationId, eventIds) {
      assertOpen();
      pending.remove(conversationId, eventIds);
    },
    async eraseConversation(id) {
      assertConversationId(id);
      assertOpen();
      const hadEvents = pending.forget(id);
      inbox.remove(id);
      return saved.delete(id) || hadEvents;
    },
    async listConversationIds() {
      assertOpen();
      return [...saved.keys()].sort();
    },
    async queryInbox(search) {
      assertOpen();
      return inbox.query(search);
    },
    async close() {
      closed = true;
    },
  };
}
