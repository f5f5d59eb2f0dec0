import type { Logger } from '../../lib/logger.js';
import type { PendingEvents, Store } from '../../store/store.js';
import { matchesEvent, type Destination } from '../delivery/create-destinations.js';
import { deliveryIdFor, isActive, type Delivery } from '../delivery/delivery-schema.js';
import type { DeliveryStore, DisabledDestination } from '../delivery/delivery-store.js';

export type OutboxIntakeDeps = {
  store: Store;
  deliveries: DeliveryStore;
  destinations: readonly Destination[];
  clock: () => Date;
  logger: Logger;
  /** Runs `task` while no other outbox work runs for the conversation. */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T>;
  disabledFor(dest: Destination): Promise<DisabledDestination | null>;
  /** Called with every record that waits for an attempt. */
  schedule(delivery: Delivery): void;
};

export type OutboxIntake = {
  /** Hands over the conversation's pending events: delivery records made, events marked. */
  handOver(conversationId: string): Promise<void>;
  /** Hands over every pending event (saved before a crash, or whose hand-over failed). */
  recover(): Promise<void>;
};

/**
 * Where outbox events become delivery records: one per event and matching destination, keyed
 * by event id + destination id and created only if absent, so a hand-over repeated after a crash
 * never makes a second delivery. The store notes the events handed over only once their records
 * exist. A destination disabled by a 410 gets its record as `disabled` (held back, visible to
 * the operator, sent when the destination is enabled again).
 */
export function createOutboxIntake(deps: OutboxIntakeDeps): OutboxIntake {
  const { deliveries, store } = deps;

  async function createRecords({ conversationId, events }: PendingEvents): Promise<void> {
    const at = deps.clock().toISOString();
    for (const event of events) {
      for (const dest of deps.destinations) {
        if (!matchesEvent(dest.events, event.type)) continue;
        const off = await deps.disabledFor(dest);
        const { delivery } = await deliveries.create({
          id: deliveryIdFor(event.id, dest.id),
          eventId: event.id,
          eventType: event.type,
          occurredAt: event.occurredAt,
          conversationId,
          destinationId: dest.id,
          status: off === null ? 'pending' : 'disabled',
          createdAt: at,
          updatedAt: at,
          nextAttemptAt: off === null ? at : null,
          roundStart: 0,
          reason: off === null ? null : `destination disabled: ${off.reason}`,
          attempts: [],
        });
        if (isActive(delivery.status)) deps.schedule(delivery);
      }
    }
    await store.markHandedOver(
      conversationId,
      events.map((e) => e.id),
    );
  }

  function handOver(conversationId: string): Promise<void> {
    return deps.exclusive(conversationId, async () => {
      // Read inside the exclusive section: a hand-over that ran meanwhile leaves nothing.
      for (const pending of await store.pendingEvents(conversationId)) await createRecords(pending);
    });
  }

  async function recover(): Promise<void> {
    const ids = new Set((await store.pendingEvents()).map((p) => p.conversationId));
    for (const conversationId of ids)
      await handOver(conversationId).catch((e: unknown) =>
        deps.logger.error('outbox hand-over failed; the events stay pending for the next try', {
          conversationId,
          error: e instanceof Error ? e.message : String(e),
        }),
      );
  }

  return { handOver, recover };
}
