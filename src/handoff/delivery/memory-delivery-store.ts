import { AppError } from '../../errors/app-error.js';
import { DeliverySchema, isActive, type Delivery } from './delivery-schema.js';
import type { DeliveryStore, DisabledDestination } from './delivery-store.js';

/**
 * An in-memory DeliveryStore for tests and the eval. Like the lowdb adapter it validates on
 * write and keeps deep copies, so a caller mutating a record never changes what is stored.
 *
 * @example
 *   const deliveries = createMemoryDeliveryStore();
 *   await deliveries.create(record);
 */
export function createMemoryDeliveryStore(): DeliveryStore {
  const records = new Map<string, Delivery>();
  const disabled = new Map<string, DisabledDestination>();
  const deleted = new Set<string>();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new AppError('INTERNAL', 'the delivery store is closed');
  }
  const copy = (d: Delivery): Delivery => structuredClone(DeliverySchema.parse(d));

  return {
    async create(delivery) {
      assertOpen();
      if (deleted.has(delivery.id)) return { delivery: copy(delivery), created: false };
      const existing = records.get(delivery.id);
      if (existing !== undefined) return { delivery: structuredClone(existing), created: false };
      records.set(delivery.id, copy(delivery));
      return { delivery: copy(delivery), created: true };
    },
    async get(id) {
      assertOpen();
      const d = records.get(id);
      return d === undefined ? null : structuredClone(d);
    },
    async save(delivery) {
      assertOpen();
      if (!deleted.has(delivery.id)) records.set(delivery.id, copy(delivery));
    },
    async list(filter = {}) {
      assertOpen();
      return [...records.values()]
        .filter(
          (d) =>
            (filter.status === undefined || d.status === filter.status) &&
            (filter.destinationId === undefined || d.destinationId === filter.destinationId) &&
            (filter.conversationId === undefined || d.conversationId === filter.conversationId),
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
        .map((d) => structuredClone(d));
    },
    async listActive() {
      assertOpen();
      return [...records.values()].filter((d) => isActive(d.status)).map((d) => structuredClone(d));
    },
    async disabledDestinations() {
      assertOpen();
      return [...disabled.values()].map((d) => ({ ...d }));
    },
    async setDestinationDisabled(destinationId, state) {
      assertOpen();
      if (state === null) disabled.delete(destinationId);
      else disabled.set(destinationId, { ...state });
    },
    async deleteForConversation(conversationId) {
      assertOpen();
      const ids = [...records.values()]
        .filter((d) => d.conversationId === conversationId)
        .map((d) => d.id);
      for (const id of ids) {
        records.delete(id);
        deleted.add(id);
      }
      return ids.length;
    },
    async close() {
      closed = true;
    },
  };
}
