import { AppError } from '../../errors/app-error.js';
import type { Logger } from '../../lib/logger.js';
import { createKeyedQueue } from '../../lib/keyed-queue.js';
import { attemptContext, type AttemptSettings } from './attempt-delivery.js';
import type { Destination } from './create-destinations.js';
import { isActive, type Delivery } from './delivery-schema.js';
import type { DeliveryStore } from './delivery-store.js';
import { createDisabledDestinations } from './disabled-destinations.js';
import { createDueQueue } from './due-queue.js';
import { restartDelivery } from './restart-delivery.js';
import { runAttempt, type AttemptParts } from './run-attempt.js';
import { createOutboxIntake } from '../outbox/outbox-intake.js';
import type { OutboxPort } from '../outbox/with-outbox.js';

/**
 * `store` is the conversation store, which holds the pending outbox events (undecorated is
 * fine): bodies are built from conversations as stored. `random` gives [0, 1) for the jitter
 * (tests pass () => 0.5 for none); `schedule` the waits before each retry in ms (default config
 * `crm.retrySchedule`).
 */
export type DeliveryWorkerDeps = AttemptSettings & {
  deliveries: DeliveryStore;
  destinations: readonly Destination[];
  logger: Logger;
  /** How many attempts run at once, in all. */
  concurrency?: number;
  /** How many attempts run at once for one destination, so a slow one cannot hold up the others. */
  perDestination?: number;
};

export type LoopOptions = {
  /** Run attempts on a timer (production), or only when `runDue` is called (tests). */
  loop: boolean;
  intervalMs?: number;
  /**
   * How often pending events, disabled destinations and active deliveries are re-read
   * (hand-overs that failed, redeliveries and enables from the CLI); default
   * {@link DEFAULT_REFRESH_MS}.
   */
  refreshMs?: number;
};

export type DeliveryWorker = {
  /** What `withOutbox` needs. */
  outbox: OutboxPort;
  /** Hands over pending events, recovers active deliveries, starts the timer loop if asked. */
  start(options: LoopOptions): Promise<void>;
  /** Attempts the deliveries due at `now` (default: the clock); resolves once they are recorded. */
  runDue(now?: Date): Promise<void>;
  /** When the next attempt is due, or null when nothing waits. */
  nextDueAt(): Date | null;
  /**
   * Re-reads disabled destinations, pending events and active deliveries: a due time changed by
   * another process (a CLI redelivery) replaces the one in memory, and a destination enabled
   * again elsewhere (or given a new URL since its 410) gets its held-back deliveries queued.
   */
  refresh(): Promise<void>;
  /** Queues a delivery (whatever its status) for an attempt now, starting a new round of retries. */
  redeliver(id: string): Promise<Delivery>;
  /** Enables a destination disabled by a 410 and requeues the deliveries held back; returns how many. */
  enableDestination(id: string): Promise<number>;
  /** Stops the loop and waits for attempts in flight. */
  stop(): Promise<void>;
};

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_PER_DESTINATION = 2;
/** The loop re-reads the outbox this often: a CLI redelivery goes out within about this long. */
export const DEFAULT_REFRESH_MS = 10_000;

/**
 * The delivery worker: turns outbox events into signed webhook deliveries and retries them on
 * the schedule until they are delivered, dead-lettered or their destination is disabled. State
 * lives in the DeliveryStore, so a restart picks up where the last run stopped; in memory are
 * only the due times. Time comes from `clock` only: tests drive it with `runDue`.
 *
 * @example
 *   const worker = createDeliveryWorker({ store, deliveries, destinations, config, clock: () => new Date(), logger });
 *   const conversations = withOutbox(store, worker.outbox);
 *   await worker.start({ loop: true });
 */
export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { store, deliveries, destinations, clock, logger } = deps;
  const ctx = attemptContext(deps);
  const retrySchedule = ctx.schedule;
  const limits = {
    total: deps.concurrency ?? DEFAULT_CONCURRENCY,
    perDestination: deps.perDestination ?? DEFAULT_PER_DESTINATION,
  };
  const byConversation = createKeyedQueue();
  const byDelivery = createKeyedQueue();
  const queue = createDueQueue();
  const disabled = createDisabledDestinations(deliveries, destinations);
  let timer: NodeJS.Timeout | null = null;
  let lastRefresh = 0;
  let refreshing: Promise<void> | null = null;

  const destinationOf = (id: string): Destination | undefined =>
    destinations.find((d) => d.id === id);
  const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

  function kick(): void {
    if (timer !== null) setImmediate(() => void runDue());
  }

  /**
   * Takes an active record's due time from the store, replacing the one in memory (another
   * process may have changed it); an attempt in flight sets its own when it saves.
   */
  function schedule(d: Delivery): void {
    if (!isActive(d.status) || queue.isInflight(d.id)) return;
    queue.set(d.id, d.destinationId, Date.parse(d.nextAttemptAt ?? clock().toISOString()));
  }

  const intake = createOutboxIntake({
    store,
    deliveries,
    destinations,
    clock,
    logger,
    disabledFor: (dest) => disabled.of(dest),
    schedule,
    exclusive: (conversationId, task) => byConversation.run(conversationId, task),
  });

  async function refresh(): Promise<void> {
    const live = await disabled.reload();
    await intake.recover();
    for (const d of await deliveries.listActive()) schedule(d);
    // Also catches what this process held back while its cache still said disabled.
    for (const id of live) await requeueHeld(id);
  }

  /** Queues every delivery held back while the destination was disabled; returns how many. */
  async function requeueHeld(destinationId: string): Promise<number> {
    const held = await deliveries.list({ status: 'disabled', destinationId });
    for (const d of held) await worker.redeliver(d.id);
    return held.length;
  }

  async function save(d: Delivery): Promise<void> {
    await deliveries.save(d);
    if (isActive(d.status))
      queue.set(d.id, d.destinationId, Date.parse(d.nextAttemptAt ?? clock().toISOString()));
    else queue.delete(d.id);
  }
  const attemptParts: AttemptParts = {
    deliveries,
    destinationOf,
    disabled,
    ctx,
    queue,
    logger,
    save,
  };

  function startAttempt(id: string, destinationId: string): Promise<void> {
    const run = byDelivery
      .run(id, () => runAttempt(id, attemptParts))
      .catch((e: unknown) => {
        // Unexpected (the store failed): try again after the first step; the record is unchanged or already saved.
        logger.error('delivery attempt failed', { deliveryId: id, error: errorText(e) });
        queue.set(id, destinationId, clock().getTime() + (retrySchedule[0] ?? 60_000));
      });
    queue.track(id, destinationId, run);
    return run;
  }

  async function runDue(now: Date = clock()): Promise<void> {
    await Promise.all(
      queue.ready(now.getTime(), limits).map((r) => startAttempt(r.id, r.destinationId)),
    );
  }

  function tick(intervalRefreshMs: number): void {
    if (refreshing === null && clock().getTime() - lastRefresh >= intervalRefreshMs) {
      lastRefresh = clock().getTime();
      refreshing = refresh()
        // What the refresh found (a CLI redelivery) goes out now, not at the next tick.
        .then(kick, (e: unknown) => logger.error('outbox refresh failed', { error: errorText(e) }))
        .finally(() => (refreshing = null));
    }
    // Not awaited: a slow receiver must not hold up the others; `inflight` prevents doubles.
    void runDue();
  }

  const worker: DeliveryWorker = {
    outbox: {
      handOver: (conversationId) =>
        intake.handOver(conversationId).then(kick, (e: unknown) => {
          logger.error('outbox hand-over failed; the events stay pending for the next refresh', {
            conversationId,
            error: errorText(e),
          });
          throw e;
        }),
    },

    async start(options) {
      await refresh();
      lastRefresh = clock().getTime();
      if (!options.loop || timer !== null) return;
      const refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
      timer = setInterval(() => tick(refreshMs), options.intervalMs ?? 1000);
      // The loop alone must not keep the process alive (tests, a CLI that shares the code).
      timer.unref();
      kick();
    },

    runDue,

    nextDueAt() {
      const next = queue.nextAt();
      return next === null ? null : new Date(next);
    },

    refresh,

    redeliver(id) {
      return byDelivery.run(id, async () => {
        const next = await restartDelivery(id, attemptParts);
        kick();
        return next;
      });
    },

    async enableDestination(id) {
      if (destinationOf(id) === undefined)
        throw new AppError('NOT_FOUND', `no destination with id "${id}"`);
      await disabled.enable(id);
      return requeueHeld(id);
    },

    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await refreshing;
      await Promise.all(queue.running());
      await byConversation.idle();
      await byDelivery.idle();
    },
  };
  return worker;
}
