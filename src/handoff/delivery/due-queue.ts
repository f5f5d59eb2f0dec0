/** How many attempts may run at once: in all, and for any one destination. */
export type AttemptLimits = { total: number; perDestination: number };

/**
 * The worker's memory: when each active delivery is due, and the attempts in flight. The
 * DeliveryStore stays the truth; this only decides what to attempt next.
 */
export type DueQueue = {
  /** Sets (or moves) the due time of a delivery. */
  set(id: string, destinationId: string, at: number): void;
  delete(id: string): void;
  isInflight(id: string): boolean;
  /**
   * The deliveries due at `now`, earliest first, that fit the limits: a destination with
   * `perDestination` attempts in flight (a slow or hanging receiver) gets no more, so the
   * others keep flowing.
   */
  ready(now: number, limits: AttemptLimits): { id: string; destinationId: string }[];
  /** Records a running attempt (and takes it off the due list) until `run` settles. */
  track(id: string, destinationId: string, run: Promise<void>): void;
  nextAt(): number | null;
  /** The attempts in flight, to wait for on stop. */
  running(): Promise<void>[];
};

/**
 * @example
 *   const queue = createDueQueue();
 *   queue.set('dlv_1', 'crm', Date.now());
 *   for (const { id, destinationId } of queue.ready(Date.now(), { total: 8, perDestination: 2 })) queue.track(id, destinationId, attempt(id));
 */
export function createDueQueue(): DueQueue {
  const due = new Map<string, { destinationId: string; at: number }>();
  const inflight = new Map<string, { destinationId: string; run: Promise<void> }>();

  return {
    set: (id, destinationId, at) => void due.set(id, { destinationId, at }),
    delete: (id) => void due.delete(id),
    isInflight: (id) => inflight.has(id),

    ready(now, limits) {
      const busy = new Map<string, number>();
      for (const { destinationId } of inflight.values())
        busy.set(destinationId, (busy.get(destinationId) ?? 0) + 1);
      let room = limits.total - inflight.size;
      const picked: { id: string; destinationId: string }[] = [];
      const candidates = [...due]
        .filter(([id, d]) => d.at <= now && !inflight.has(id))
        .sort((a, b) => a[1].at - b[1].at);
      for (const [id, { destinationId }] of candidates) {
        if (room <= 0) break;
        const n = busy.get(destinationId) ?? 0;
        if (n >= limits.perDestination) continue;
        busy.set(destinationId, n + 1);
        room--;
        picked.push({ id, destinationId });
      }
      return picked;
    },

    track(id, destinationId, run) {
      due.delete(id);
      const entry = { destinationId, run };
      inflight.set(id, entry);
      const done = (): void => {
        if (inflight.get(id) === entry) inflight.delete(id);
      };
      run.then(done, done);
    },

    nextAt() {
      let next: number | null = null;
      for (const { at } of due.values()) if (next === null || at < next) next = at;
      return next;
    },

    running: () => [...inflight.values()].map((e) => e.run),
  };
}
