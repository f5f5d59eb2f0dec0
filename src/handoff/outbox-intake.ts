import type { Conversation } from '../conversation/conversation-schema.js';
import type { Logger } from '../server/server-deps.js';
import type { Store } from '../store/store.js';
import { matchesEvent, type Destination } from './create-destinations.js';
import { deliveryIdFor, isActive, type Delivery } from './delivery-schema.js';
import type { DeliveryStore, DisabledDestination } from './delivery-store.js';
import type { OutboxMarkers } from './outbox-markers.js';

export type OutboxIntakeDeps = {
  store: Store;
  deliveries: DeliveryStore;
  markers: OutboxMarkers;
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
  /** Creates the delivery records of these events (idempotent), schedules them and clears their mark. Call it holding `exclusive`. */
  handOver(conversation: Conversation, eventIds: readonly string[]): Promise<void>;
  /** Hands over what every marker names (events saved before a crash); drops what was never saved. */
  recover(): Promise<void>;
};

/**
 * Where outbox events become delivery records: one per event and matching destination, keyed
 * by event id + destination id and created only if absent, so a hand-over repeated after a crash
 * never makes a second delivery. A destination disabled by a 410 gets its record as `disabled`
 * (held back, visible to the operator, sent when the destination is enabled again).
 */
export function createOutboxIntake(deps: OutboxIntakeDeps): OutboxIntake {
  const { deliveries, markers } = deps;

  async function handOver(conv: Conversation, eventIds: readonly string[]): Promise<void> {
    const at = deps.clock().toISOString();
    for (const eventId of eventIds) {
      const event = conv.outbox.find((e) => e.id === eventId);
      if (event === undefined) continue;
      for (const dest of deps.destinations) {
        if (!matchesEvent(dest.events, event.type)) continue;
        const off = await deps.disabledFor(dest);
        const { delivery } = await deliveries.create({
          id: deliveryIdFor(event.id, dest.id),
          eventId: event.id,
          eventType: event.type,
          occurredAt: event.occurredAt,
          conversationId: conv.id,
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
    await markers.remove(conv.id, eventIds);
  }

  async function recover(): Promise<void> {
    for (const mark of await markers.list()) {
      await deps
        .exclusive(mark.conversationId, async () => {
          const conv = await deps.store.getConversation(mark.conversationId);
          const saved =
            conv === null ? [] : mark.eventIds.filter((id) => conv.outbox.some((e) => e.id === id));
          if (conv !== null && saved.length > 0) await handOver(conv, saved);
          // What is left was marked but never saved (a crash before the save): nothing to deliver.
          await markers.remove(mark.conversationId, mark.eventIds);
        })
        .catch((e: unknown) =>
          deps.logger.error('outbox recovery failed; the marker stays for the next try', {
            conversationId: mark.conversationId,
            error: e instanceof Error ? e.message : String(e),
          }),
        );
    }
  }

  return { handOver, recover };
}
