import type { BusyTime, FreeSlot } from './availability.js';

/** The visitor invited to a meeting (the ICS ATTENDEE). */
export type Attendee = { name: string; email: string };

/** What the shell knows about a meeting when it claims a slot. */
export type MeetingRequest = {
  /** A random UUID: knowing it is what lets someone open, cancel or move the meeting. */
  id: string;
  conversationId: string;
  attendee?: Attendee | undefined;
  /** The visitor's IANA time zone and locale, so the booking page shows their wall-clock time. */
  timezone?: string | undefined;
  locale?: string | undefined;
  /** The holds this claim may use (and then releases); defaults to `conversationId`. */
  holdId?: string | undefined;
};

/** A meeting as the calendar keeps it. Canceled meetings stay, so their ICS can say CANCELLED. */
export type CalendarEntry = BusyTime &
  Omit<MeetingRequest, 'holdId'> & {
    status: 'booked' | 'canceled';
    /** The iCalendar SEQUENCE: 0 when booked, +1 on every reschedule or cancel. */
    sequence: number;
    createdAt: string;
    updatedAt: string;
  };

/** A slot kept aside for one visitor while they confirm; it blocks one rep until `until`. */
export type Hold = BusyTime & { holdId: string; until: string };

export type RescheduleResult =
  { ok: true; entry: CalendarEntry } | { ok: false; reason: 'not_found' | 'canceled' | 'taken' };
/** `changed` is false when the meeting was already canceled (cancel is idempotent). */
export type CancelResult =
  { ok: true; entry: CalendarEntry; changed: boolean } | { ok: false; reason: 'not_found' };

/**
 * The Calendar port: the reps' meetings and short-lived holds. Every change is atomic: of
 * many visitors claiming the same slot at once, exactly one gets each free rep, and a
 * reschedule never lands on a rep who is busy or held by someone else then. Reps are chosen
 * round robin (the free rep assigned least recently). Holds expire by the adapter's clock,
 * checked whenever the calendar is read, so no timers run.
 *
 * @example
 *   await calendar.hold(slot, conversationId, new Date(now.getTime() + 10 * 60_000));
 *   const entry = await calendar.claim(slot, { id: randomUUID(), conversationId, attendee });
 */
export type Calendar = {
  /**
   * Meetings and live holds overlapping [from, to). Holds owned by `exceptHoldId` are left
   * out, so a visitor still sees the slots held for them.
   */
  busy(
    fromIso: string,
    toIso: string,
    options?: { exceptHoldId?: string | undefined },
  ): Promise<BusyTime[]>;
  /** Books the slot with one of its free reps (round robin); null when none is free any more. */
  claim(slot: FreeSlot, meeting: MeetingRequest): Promise<CalendarEntry | null>;
  get(meetingId: string): Promise<CalendarEntry | null>;
  /** Stored meetings (booked or canceled) overlapping [from, to): the start-up repair reads them. */
  meetingsBetween(fromIso: string, toIso: string): Promise<CalendarEntry[]>;
  cancel(meetingId: string): Promise<CancelResult>;
  /** Moves a booked meeting, keeping its rep when that rep is free then; SEQUENCE goes up. */
  reschedule(meetingId: string, slot: FreeSlot): Promise<RescheduleResult>;
  /**
   * Holds the slot for `holdId` until `until` with one of its free reps, so it is not offered
   * to anyone else; holding the same slot again extends the hold. Null when no rep is free.
   */
  hold(slot: FreeSlot, holdId: string, until: Date | string): Promise<Hold | null>;
  /** Drops every hold of `holdId` (the visitor booked, declined or was offered other slots). */
  release(holdId: string): Promise<void>;
  /** Every stored meeting, booked or canceled (erasure, retention); may be slow on large calendars. */
  list(): Promise<CalendarEntry[]>;
  /**
   * Removes a meeting and its attendee for good (erasure, retention): it no longer blocks its
   * slot and its ICS is gone. Cancel a future meeting first, so its invitees hear of it.
   * False when no such meeting is stored.
   */
  erase(meetingId: string): Promise<boolean>;
};
