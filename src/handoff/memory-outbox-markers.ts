import type { OutboxMarkers } from './outbox-markers.js';

/**
 * In-memory OutboxMarkers for tests and the eval (nothing survives the process, which is what
 * an in-memory store wants).
 *
 * @example const markers = createMemoryOutboxMarkers();
 */
export function createMemoryOutboxMarkers(): OutboxMarkers {
  const marks = new Map<string, Set<string>>();
  return {
    async add(conversationId, eventIds) {
      const set = marks.get(conversationId) ?? new Set<string>();
      for (const id of eventIds) set.add(id);
      marks.set(conversationId, set);
    },
    async remove(conversationId, eventIds) {
      const set = marks.get(conversationId);
      if (set === undefined) return;
      for (const id of eventIds) set.delete(id);
      if (set.size === 0) marks.delete(conversationId);
    },
    async list() {
      return [...marks].map(([conversationId, ids]) => ({ conversationId, eventIds: [...ids] }));
    },
  };
}
