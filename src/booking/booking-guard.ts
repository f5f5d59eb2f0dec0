import type { Config } from '../config/config-schema.js';
import type { ServerSecret } from '../lib/server-secret.js';

const DAY_MS = 86_400_000;
const SWEEP_AT = 10_000;

/** Who is booking: the conversation, and its client's keyed IP hash when it came over a network. */
export type Booker = { id: string; clientKey?: string | undefined };

/**
 * Limits on what one client can take from the calendar (`booking.limits`): meetings booked per
 * IP and per conversation in any 24 hours, and how many conversations of one IP hold offered
 * times at once. The IP is known only as a keyed hash (`clientKey`); a conversation without one
 * (the terminal chat, the eval) is limited per conversation only.
 */
export type BookingGuard = {
  /** The keyed hash an IP is known by (server secret, purpose "ip"); the IP itself is never kept. */
  clientKey(ip: string): string;
  /** Takes one booking for this conversation and its client; false (nothing taken) over a limit. */
  take(booker: Booker): boolean;
  /** Gives back the booking `take` took, when the slot turned out to be taken. */
  giveBack(booker: Booker): void;
  /** Whether this conversation may hold offered times until `until`; it then counts for its client. */
  mayHold(booker: Booker, until: Date): boolean;
  /** The conversation holds nothing any more (it booked, or no times are offered). */
  released(booker: Booker): void;
};

/**
 * The guard in memory, on the injected clock. Bookings are counted in a sliding 24-hour window
 * (the times of the last bookings per key, at most the limit each), so a burst at the end of
 * one day and the start of the next still gets at most the limit; a fixed-window limiter
 * (rate-limiter-flexible's) would let twice as many through across the boundary, and the
 * window needs no timer. Counts start again at a restart: the calendar itself still never
 * double-books.
 *
 * @example const guard = createBookingGuard({ limits: config.booking.limits, secret, clock: () => new Date() });
 */
export function createBookingGuard({
  limits,
  secret,
  clock,
}: {
  limits: Config['booking']['limits'];
  secret: ServerSecret;
  clock: () => Date;
}): BookingGuard {
  const booked = new Map<string, number[]>();
  /** clientKey -> conversation id -> hold end (ms). */
  const holding = new Map<string, Map<string, number>>();

  const keysOf = (b: Booker): [string, number][] => [
    [`conversation:${b.id}`, limits.perConversationPerDay],
    ...(b.clientKey === undefined
      ? []
      : [[`ip:${b.clientKey}`, limits.perIpPerDay] as [string, number]]),
  ];

  function recent(key: string, now: number): number[] {
    const times = (booked.get(key) ?? []).filter((t) => t > now - DAY_MS);
    if (times.length === 0) booked.delete(key);
    else booked.set(key, times);
    return times;
  }

  /** Many clients seen once: drop what has expired, so memory follows the live counts only. */
  function sweep(now: number): void {
    if (booked.size > SWEEP_AT) for (const key of [...booked.keys()]) recent(key, now);
    if (holding.size > SWEEP_AT)
      for (const [client, held] of holding) {
        for (const [id, end] of held) if (end <= now) held.delete(id);
        if (held.size === 0) holding.delete(client);
      }
  }

  return {
    clientKey: (ip) => secret.hash('ip', ip),

    take(b) {
      const now = clock().getTime();
      sweep(now);
      const keys = keysOf(b);
      if (keys.some(([key, limit]) => recent(key, now).length >= limit)) return false;
      for (const [key] of keys) booked.set(key, [...recent(key, now), now]);
      return true;
    },

    giveBack(b) {
      for (const [key] of keysOf(b)) {
        const times = booked.get(key);
        times?.pop();
        if (times?.length === 0) booked.delete(key);
      }
    },

    mayHold(b, until) {
      if (b.clientKey === undefined) return true;
      const now = clock().getTime();
      sweep(now);
      const held = holding.get(b.clientKey) ?? new Map<string, number>();
      for (const [id, end] of held) if (end <= now) held.delete(id);
      if (!held.has(b.id) && held.size >= limits.heldConversationsPerIp) return false;
      held.set(b.id, until.getTime());
      holding.set(b.clientKey, held);
      return true;
    },

    released(b) {
      if (b.clientKey === undefined) return;
      const held = holding.get(b.clientKey);
      held?.delete(b.id);
      if (held?.size === 0) holding.delete(b.clientKey);
    },
  };
}
