import type { Delivery, DeliveryStatus } from './delivery-schema.js';

/** A destination switched off after it answered 410 Gone, for the URL it had then. */
export type DisabledDestination = {
  destinationId: string;
  url: string;
  at: string;
  reason: string;
};

/**
 * The DeliveryStore port: one record per delivery, written atomically. Adapters keep an index
 * of active deliveries (pending or failed-retrying) so a restart finds them without reading
 * every record ever written.
 *
 * @example
 *   const { created } = await deliveries.create(record); // false when the id already exists
 *   await deliveries.save({ ...record, status: 'delivered', nextAttemptAt: null });
 */
export type DeliveryStore = {
  /** Stores `delivery` unless a record with its id exists; returns the stored record either way. */
  create(delivery: Delivery): Promise<{ delivery: Delivery; created: boolean }>;
  get(id: string): Promise<Delivery | null>;
  /** Replaces the record (and keeps the active index in step with its status). */
  save(delivery: Delivery): Promise<void>;
  /** Every record, newest first, optionally with one status; may be slow on large stores (admin). */
  list(filter?: {
    status?: DeliveryStatus | undefined;
    destinationId?: string | undefined;
    /** Only the deliveries of this conversation's events (the console's lead page). */
    conversationId?: string | undefined;
  }): Promise<Delivery[]>;
  /** The records waiting for an attempt. */
  listActive(): Promise<Delivery[]>;
  disabledDestinations(): Promise<DisabledDestination[]>;
  /** Disables a destination, or enables it again with `null`. */
  setDestinationDisabled(
    destinationId: string,
    disabled: DisabledDestination | null,
  ): Promise<void>;
  /**
   * Deletes every record of the conversation, attempts included (erasure, retention), and
   * returns how many; a later `create` or `save` of a deleted id in this process is ignored, so
   * an attempt in flight cannot write it back.
   */
  deleteForConversation(conversationId: string): Promise<number>;
  close(): Promise<void>;
};
