import type { FreeSlot } from './availability.js';
import type { CalendarEntry, Hold } from './calendar.js';

/** When each rep was last given a meeting (a growing counter), for round robin. */
export type RoundRobin = Readonly<Record<string, number>>;

type Span = { start: string; end: string };

/** Whether two half-open spans [start, end) share any instant. */
export function overlaps(a: Span, b: Span): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

export type PickRepInput = {
  slot: FreeSlot;
  /** Meetings near the slot; canceled ones and `ignoreMeetingId` do not block. */
  entries: readonly CalendarEntry[];
  /** Live holds; those of `holdId` do not block (they are the caller's own). */
  holds: readonly Hold[];
  holdId: string | null;
  roundRobin: RoundRobin;
  /** A rep to keep when free (the rep of a held slot, or of a meeting being moved). */
  prefer?: string | undefined;
  ignoreMeetingId?: string | undefined;
};

/**
 * The rep who takes the slot: `prefer` when free, else the free rep of `slot.repIds` given a
 * meeting least recently (never first; ties keep the configured order). Counting assignments
 * rather than rotating after the last rep keeps the rotation fair when a busy rep is skipped:
 * they are simply first in line next time. Null when every rep is booked or held then.
 *
 * @example pickRep({ slot, entries, holds: [], holdId: null, roundRobin: { ana: 3, ben: 1 } }) // 'ben'
 */
export function pickRep(input: PickRepInput): string | null {
  const { slot, roundRobin } = input;
  const blocked = new Set<string>();
  for (const e of input.entries) {
    if (e.status === 'booked' && e.id !== input.ignoreMeetingId && overlaps(e, slot))
      blocked.add(e.repId);
  }
  for (const h of input.holds) {
    if (h.holdId !== input.holdId && overlaps(h, slot)) blocked.add(h.repId);
  }
  const free = slot.repIds.filter((r) => !blocked.has(r));
  if (input.prefer !== undefined && free.includes(input.prefer)) return input.prefer;
  let best: string | null = null;
  for (const r of free) {
    if (best === null || (roundRobin[r] ?? -1) < (roundRobin[best] ?? -1)) best = r;
  }
  return best;
}
