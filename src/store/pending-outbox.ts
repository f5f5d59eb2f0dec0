import type { OutboxEvent } from '../conversation/conversation-schema.js';
import type { PendingEvents } from './store.js';

/** The events of each conversation saved and not yet handed over, as the adapters keep them. */
export type PendingOutbox = {
  /** Adds copies of events (an event already pending is kept once). */
  add(conversationId: string, events: readonly OutboxEvent[]): void;
  /** Removes these event ids; returns whether any was pending. */
  remove(conversationId: string, eventIds: readonly string[]): boolean;
  /** Removes every pending event of the conversation; returns whether it had any. */
  forget(conversationId: string): boolean;
  list(conversationId?: string): PendingEvents[];
  /** Whether any of these events of the conversation is pending. */
  has(conversationId: string, eventIds: readonly string[]): boolean;
  size(): number;
};

/**
 * An in-memory index of pending outbox events, shared by the store adapters (the lowdb one
 * rebuilds it from its journal at start). Lists are copies.
 *
 * @example
 *   const pending = createPendingOutbox();
 *   pending.add('c1', newEvents);
 *   pending.remove('c1', ['evt-1']);
 */
export function createPendingOutbox(): PendingOutbox {
  const byConversation = new Map<string, OutboxEvent[]>();
  const copy = (conversationId: string, events: OutboxEvent[]): PendingEvents => ({
    conversationId,
    events: events.map((e) => ({ ...e })),
  });
  return {
    add(conversationId, events) {
      if (events.length === 0) return;
      const known = byConversation.get(conversationId) ?? [];
      const ids = new Set(known.map((e) => e.id));
      const added = events.filter((e) => !ids.has(e.id)).map((e) => ({ ...e }));
      byConversation.set(conversationId, [...known, ...added]);
    },
    remove(conversationId, eventIds) {
      const known = byConversation.get(conversationId);
      if (known === undefined) return false;
      const left = known.filter((e) => !eventIds.includes(e.id));
      if (left.length === known.length) return false;
      if (left.length === 0) byConversation.delete(conversationId);
      else byConversation.set(conversationId, left);
      return true;
    },
    forget: (conversationId) => byConversation.delete(conversationId),
    list(conversationId) {
      if (conversationId === undefined)
        return [...byConversation].map(([id, events]) => copy(id, events));
      const events = byConversation.get(conversationId);
      return events === undefined ? [] : [copy(conversationId, events)];
    },
    has: (conversationId, eventIds) =>
      byConversation.get(conversationId)?.some((e) => eventIds.includes(e.id)) ?? false,
    size: () => byConversation.size,
  };
}

/** The events of `saved` that `before` (the stored version, if any) did not hold. */
export function newEvents(
  saved: readonly OutboxEvent[],
  before: readonly string[] | undefined,
): OutboxEvent[] {
  if (saved.length === 0) return [];
  const known = new Set(before);
  return saved.filter((e) => !known.has(e.id));
}
