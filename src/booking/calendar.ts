import type { BusyTime, FreeSlot } from './availability.js';

/** A meeting as the calendar holds it. */
export type CalendarEntry = BusyTime & { id: string; conversationId: string };

/**
 * The Calendar port: the reps' booked meetings. `claim` is atomic: of two visitors claiming
 * the same rep at the same time, exactly one gets it.
 */
export type Calendar = {
  busy(fromIso: string, toIso: string): Promise<BusyTime[]>;
  /** Books the slot with one of its free reps (round robin); null when none is free any more. */
  claim(slot: FreeSlot, meeting: { id: string; conversationId: string }): Promise<CalendarEntry | null>;
};
