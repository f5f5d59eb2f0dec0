import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Where a delivery stands. `pending` and `failed-retrying` are waiting for an attempt;
 * `skipped` means the destination's template sent nothing for the event (`{{skip}}`).
 */
export const DELIVERY_STATUSES = [
  'pending',
  'delivered',
  'failed-retrying',
  'dead',
  'disabled',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One HTTP attempt as logged: when, what came back (or what went wrong) and how long it took. */
export const AttemptSchema = z.object({
  at: z.iso.datetime(),
  /** The HTTP status, or null when no response came (network error, time-out, template error). */
  status: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  /** The first characters of the response body. */
  responseSnippet: z.string().nullable(),
  error: z.string().nullable(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

/**
 * One event for one destination. Keyed by event id + destination id ({@link deliveryIdFor}),
 * so an event is delivered to a destination under one record, whatever happens.
 */
export const DeliverySchema = z.object({
  id: z.string(),
  /** The event id: the `webhook-id` of every attempt. */
  eventId: z.string(),
  eventType: z.string(),
  occurredAt: z.iso.datetime(),
  conversationId: z.string(),
  destinationId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When the next attempt is due; null unless pending or failed-retrying. */
  nextAttemptAt: z.iso.datetime().nullable(),
  /** Index in `attempts` where the current round began (a redelivery starts a new round of retries). */
  roundStart: z.number().int().nonnegative().default(0),
  /** Why the delivery is dead, disabled or skipped, for the operator. */
  reason: z.string().nullable().default(null),
  attempts: z.array(AttemptSchema).default([]),
});
export type Delivery = z.output<typeof DeliverySchema>;

export const ACTIVE_STATUSES: readonly DeliveryStatus[] = ['pending', 'failed-retrying'];

/** True while the delivery still waits for an attempt. */
export function isActive(status: DeliveryStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** What a delivery id looks like: safe as a file name and in a URL. */
export const DELIVERY_ID_PATTERN = /^dlv_[0-9a-f]{32}$/;

/**
 * The delivery id of an event for a destination. A hash, because destination ids are free
 * text in the config and the id becomes a file name; the same pair always gives the same id,
 * which is what makes creating the record idempotent.
 *
 * @example deliveryIdFor('evt-1', 'hubspot') // 'dlv_3b0c...' (32 hex digits)
 */
export function deliveryIdFor(eventId: string, destinationId: string): string {
  return `dlv_${createHash('sha256').update(`${eventId}\u0000${destinationId}`).digest('hex').slice(0, 32)}`;
}
