import type { Logger } from '../../lib/logger.js';
import { attemptDelivery, type AttemptContext } from './attempt-delivery.js';
import type { Destination } from './create-destinations.js';
import { isActive, type Delivery } from './delivery-schema.js';
import type { DeliveryStore } from './delivery-store.js';
import type { DisabledDestinations } from './disabled-destinations.js';
import type { DueQueue } from './due-queue.js';

/** What one attempt needs from the worker. */
export type AttemptParts = {
  deliveries: DeliveryStore;
  destinationOf(id: string): Destination | undefined;
  disabled: DisabledDestinations;
  ctx: AttemptContext;
  queue: DueQueue;
  logger: Logger;
  /** Saves the record and keeps the due queue in step with it. */
  save(delivery: Delivery): Promise<void>;
};

/**
 * One attempt of a delivery, as stored now: skipped when it is no longer active or not due yet
 * (another process may have changed it), dead when its destination is gone, held back when the
 * destination is disabled; otherwise posted, and the outcome saved. A 410 disables the
 * destination before the delivery is saved, so a crash in between still leaves it disabled.
 *
 * @example await runAttempt('dlv_1', parts);
 */
export async function runAttempt(id: string, parts: AttemptParts): Promise<void> {
  const { deliveries, disabled, queue, logger, save } = parts;
  const d = await deliveries.get(id);
  if (d === null || !isActive(d.status)) return void queue.delete(id);
  const now = parts.ctx.clock();
  if (d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) > now.getTime())
    return void queue.set(id, d.destinationId, Date.parse(d.nextAttemptAt));
  const dest = parts.destinationOf(d.destinationId);
  if (dest === undefined) {
    logger.warn('delivery dead: its destination is no longer configured', {
      deliveryId: id,
      destinationId: d.destinationId,
    });
    return save({
      ...d,
      status: 'dead',
      nextAttemptAt: null,
      updatedAt: now.toISOString(),
      reason: `destination "${d.destinationId}" is not configured`,
    });
  }
  const off = await disabled.of(dest);
  if (off !== null)
    return save({
      ...d,
      status: 'disabled',
      nextAttemptAt: null,
      updatedAt: now.toISOString(),
      reason: `destination disabled: ${off.reason}`,
    });

  const outcome = await attemptDelivery(d, dest, parts.ctx);
  if (outcome.disabled !== null) {
    await disabled.disable(outcome.disabled);
    logger.warn('destination disabled: it answered 410 Gone', {
      destinationId: dest.id,
      url: dest.url,
    });
  }
  await save(outcome.delivery);
  if (outcome.delivery.status === 'dead')
    logger.warn('delivery dead-lettered', {
      deliveryId: id,
      eventId: d.eventId,
      destinationId: dest.id,
      reason: outcome.delivery.reason,
    });
}
