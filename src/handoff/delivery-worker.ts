import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../server/server-deps.js';
import { createKeyedQueue } from '../store/keyed-queue.js';
import type { Store } from '../store/store.js';
import { attemptDelivery, type AttemptContext } from './attempt-delivery.js';
import type { Destination } from './create-destinations.js';
import { isActive, type Delivery } from './delivery-schema.js';
import type { DeliveryStore, DisabledDestination } from './delivery-store.js';
import { createOutboxIntake } from './outbox-intake.js';
import type { OutboxMarkers } from './outbox-markers.js';
import type { OutboxPort } from './with-outbox.js';

export type DeliveryWorkerDeps = {
  /** The conversation store (undecorated is fine): bodies are built from conversations as stored. */
  store: Store;
  deliveries: DeliveryStore;
  markers: OutboxMarkers;
  destinations: readonly Destination[];
  config: Config;
  clock: () => Date;
  logger: Logger;
  newId?: () => string;
  fetch?: typeof fetch;
  /** [0, 1) for the jitter; tests pass () => 0.5 for none. */
  random?: () => number;
  /** Waits before each retry in ms; default config `crm.retrySchedule`. */
  schedule?: readonly number[];
  attemptTimeoutMs?: number;
  retryAfterMaxMs?: number;
  /** How many attempts run at once. */
  concurrency?: number;
};

export type LoopOptions = {
  /** Run attempts on a timer (production), or only when `runDue` is called (tests). */
  loop: boolean;
  intervalMs?: number;
  /** How often markers and active deliveries are re-read (hand-overs that failed, CLI redeliveries). */
  refreshMs?: number;
};

export type DeliveryWorker = {
  /** What `withOutbox` needs. */
  outbox: OutboxPort;
  /** Recovers marked conversations and active deliveries, then starts the timer loop when asked. */
  start(options: LoopOptions): Promise<void>;
  /** Attempts the deliveries due at `now` (default: the clock); resolves once they are recorded. */
  runDue(now?: Date): Promise<void>;
  /** When the next attempt is due, or null when nothing waits. */
  nextDueAt(): Date | null;
  /** Re-reads markers, disabled destinations and active deliveries. */
  refresh(): Promise<void>;
  /** Queues a delivery (whatever its status) for an attempt now, starting a new round of retries. */
  redeliver(id: string): Promise<Delivery>;
  /** Enables a destination disabled by a 410 and requeues the deliveries held back; returns how many. */
  enableDestination(id: string): Promise<number>;
  /** Stops the loop and waits for attempts in flight. */
  stop(): Promise<void>;
};

const DEFAULT_CONCURRENCY = 8;

/**
 * The delivery worker: turns outbox events into signed webhook deliveries and retries them on
 * the schedule until they are delivered, dead-lettered or their destination is disabled. State
 * lives in the DeliveryStore, so a restart picks up where the last run stopped; in memory are
 * only the due times. Time comes from `clock` only: tests drive it with `runDue`.
 *
 * @example
 *   const worker = createDeliveryWorker({ store, deliveries, markers, destinations, config, clock: () => new Date(), logger });
 *   const conversations = withOutbox(store, worker.outbox);
 *   await worker.start({ loop: true });
 */
export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { store, deliveries, markers, destinations, clock, logger } = deps;
  const retrySchedule = deps.schedule ?? deps.config.crm.retrySchedule;
  const ctx: AttemptContext = {
    store,
    config: deps.config,
    clock,
    fetch: deps.fetch ?? globalThis.fetch,
    random: deps.random ?? Math.random,
    schedule: retrySchedule,
    attemptTimeoutMs: deps.attemptTimeoutMs ?? deps.config.crm.attemptTimeoutMs,
    retryAfterMaxMs: deps.retryAfterMaxMs ?? deps.config.crm.retryAfterMaxMs,
  };
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  const newId = deps.newId ?? randomUUID;
  const byConversation = createKeyedQueue();
  const byDelivery = createKeyedQueue();
  const due = new Map<string, number>();
  const inflight = new Map<string, Promise<void>>();
  let disabledCache: Map<string, DisabledDestination> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastRefresh = 0;
  let refreshing: Promise<void> | null = null;

  const destinationOf = (id: string): Destination | undefined => destinations.find((d) => d.id === id);
  const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

  async function disabledFor(dest: Destination): Promise<DisabledDestination | null> {
    disabledCache ??= new Map((await deliveries.disabledDestinations()).map((d) => [d.destinationId, d]));
    const off = disabledCache.get(dest.id);
    // A 410 disables the URL that answered it: a destination moved to a new URL in the config is live again.
    return off !== undefined && off.url === dest.url ? off : null;
  }

  function kick(): void {
    if (timer !== null) setImmediate(() => void runDue());
  }

  /** Schedules an active record unless it is already waiting or being attempted. */
  function schedule(d: Delivery): void {
    if (!isActive(d.status) || due.has(d.id) || inflight.has(d.id)) return;
    due.set(d.id, Date.parse(d.nextAttemptAt ?? clock().toISOString()));
  }

  const intake = createOutboxIntake({
    store, deliveries, markers, destinations, clock, logger, disabledFor, schedule,
    exclusive: (conversationId, task) => byConversation.run(conversationId, task),
  });

  async function refresh(): Promise<void> {
    disabledCache = null;
    await intake.recover();
    for (const d of await deliveries.listActive()) schedule(d);
  }

  async function save(d: Delivery): Promise<void> {
    await deliveries.save(d);
    if (isActive(d.status)) due.set(d.id, Date.parse(d.nextAttemptAt ?? clock().toISOString()));
    else due.delete(d.id);
  }

  /** One attempt, run in the delivery's queue so it never overlaps a redelivery of the same record. */
  async function attempt(id: string): Promise<void> {
    const d = await deliveries.get(id);
    if (d === null || !isActive(d.status)) return void due.delete(id);
    const now = clock();
    if (d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) > now.getTime()) return void due.set(id, Date.parse(d.nextAttemptAt));
    const dest = destinationOf(d.destinationId);
    if (dest === undefined) {
      logger.warn('delivery dead: its destination is no longer configured', { deliveryId: id, destinationId: d.destinationId });
      return save({ ...d, status: 'dead', nextAttemptAt: null, updatedAt: now.toISOString(), reason: `destination "${d.destinationId}" is not configured` });
    }
    const off = await disabledFor(dest);
    if (off !== null) return save({ ...d, status: 'disabled', nextAttemptAt: null, updatedAt: now.toISOString(), reason: `destination disabled: ${off.reason}` });

    const outcome = await attemptDelivery(d, dest, ctx);
    if (outcome.disabled !== null) {
      // Recorded before the delivery, so a crash in between still leaves the destination disabled.
      await deliveries.setDestinationDisabled(dest.id, outcome.disabled);
      disabledCache?.set(dest.id, outcome.disabled);
      logger.warn('destination disabled: it answered 410 Gone', { destinationId: dest.id, url: dest.url });
    }
    await save(outcome.delivery);
    if (outcome.delivery.status === 'dead') logger.warn('delivery dead-lettered', { deliveryId: id, eventId: d.eventId, destinationId: dest.id, reason: outcome.delivery.reason });
  }

  function startAttempt(id: string): Promise<void> {
    due.delete(id);
    const run = byDelivery
      .run(id, () => attempt(id))
      .catch((e: unknown) => {
        // Unexpected (the store failed): try again after the first step; the record is unchanged or already saved.
        logger.error('delivery attempt failed', { deliveryId: id, error: errorText(e) });
        due.set(id, clock().getTime() + (retrySchedule[0] ?? 60_000));
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, run);
    return run;
  }

  async function runDue(now: Date = clock()): Promise<void> {
    const limit = now.getTime();
    const ready = [...due].filter(([id, t]) => t <= limit && !inflight.has(id)).sort((a, b) => a[1] - b[1]);
    const room = Math.max(0, concurrency - inflight.size);
    await Promise.all(ready.slice(0, room).map(([id]) => startAttempt(id)));
  }

  function tick(intervalRefreshMs: number): void {
    if (refreshing === null && clock().getTime() - lastRefresh >= intervalRefreshMs) {
      lastRefresh = clock().getTime();
      refreshing = refresh()
        .catch((e: unknown) => logger.error('outbox refresh failed', { error: errorText(e) }))
        .finally(() => (refreshing = null));
    }
    // Not awaited: a slow receiver must not hold up the others; `inflight` prevents doubles.
    void runDue();
  }

  const worker: DeliveryWorker = {
    outbox: {
      newEventId: newId,
      now: clock,
      exclusive: (conversationId, task) => byConversation.run(conversationId, task),
      mark: (conversationId, eventIds) => markers.add(conversationId, eventIds),
      handOver: (conv, eventIds) =>
        intake.handOver(conv, eventIds).then(kick, (e: unknown) => {
          logger.error('outbox hand-over failed; the marker stays for the next refresh', { conversationId: conv.id, error: errorText(e) });
          throw e;
        }),
    },

    async start(options) {
      await refresh();
      lastRefresh = clock().getTime();
      if (!options.loop || timer !== null) return;
      const refreshMs = options.refreshMs ?? 30_000;
      timer = setInterval(() => tick(refreshMs), options.intervalMs ?? 1000);
      // The loop alone must not keep the process alive (tests, a CLI that shares the code).
      timer.unref();
      kick();
    },

    runDue,

    nextDueAt() {
      let next: number | null = null;
      for (const t of due.values()) if (next === null || t < next) next = t;
      return next === null ? null : new Date(next);
    },

    refresh,

    redeliver(id) {
      return byDelivery.run(id, async () => {
        const d = await deliveries.get(id);
        if (d === null) throw new AppError('NOT_FOUND', `no delivery with id "${id}"`);
        const dest = destinationOf(d.destinationId);
        if (dest === undefined) throw new AppError('CONFLICT', `destination "${d.destinationId}" is not configured any more`);
        const off = await disabledFor(dest);
        if (off !== null) throw new AppError('CONFLICT', `destination "${dest.id}" is disabled since ${off.at} (${off.reason}); enable it first`);
        const now = clock().toISOString();
        const next: Delivery = { ...d, status: 'pending', nextAttemptAt: now, roundStart: d.attempts.length, reason: null, updatedAt: now };
        await save(next);
        kick();
        return next;
      });
    },

    async enableDestination(id) {
      if (destinationOf(id) === undefined) throw new AppError('NOT_FOUND', `no destination with id "${id}"`);
      await deliveries.setDestinationDisabled(id, null);
      disabledCache?.delete(id);
      const held = await deliveries.list({ status: 'disabled', destinationId: id });
      for (const d of held) await worker.redeliver(d.id);
      return held.length;
    },

    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await refreshing;
      await Promise.all(inflight.values());
      await byConversation.idle();
      await byDelivery.idle();
    },
  };
  return worker;
}
