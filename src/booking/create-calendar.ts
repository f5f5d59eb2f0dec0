import { AppError } from '../errors/app-error.js';
import { createKeyedQueue } from '../lib/keyed-queue.js';
import type { BusyTime, FreeSlot } from './availability.js';
import type { Calendar, CalendarEntry, Hold, MeetingRequest } from './calendar.js';
import { overlaps, pickRep, type RoundRobin } from './pick-rep.js';

/** Where an adapter keeps meetings; the shared logic in `createCalendar` decides what to write. */
export type CalendarStorage = {
  /** Stored meetings (booked or canceled) overlapping [from, to). */
  between(fromIso: string, toIso: string): Promise<CalendarEntry[]>;
  find(meetingId: string): Promise<CalendarEntry | null>;
  /**
   * Writes `entry`, replacing `previous` (the stored version, null for a new meeting), and the
   * round-robin counters when they changed.
   */
  save(
    entry: CalendarEntry,
    previous: CalendarEntry | null,
    roundRobin: RoundRobin | null,
  ): Promise<void>;
  roundRobin(): Promise<RoundRobin>;
  /** Every stored meeting. */
  all(): Promise<CalendarEntry[]>;
  /** Deletes a meeting from wherever it is kept; false when absent. */
  remove(meetingId: string): Promise<boolean>;
};

/** The slot's instants in one canonical form, so holds and meetings compare as strings. */
function normalized(slot: FreeSlot): FreeSlot {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
    throw new AppError('BAD_REQUEST', `not a valid slot: ${slot.start} - ${slot.end}`);
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    repIds: [...slot.repIds],
  };
}

function assigned(rr: RoundRobin, repId: string): RoundRobin {
  const next = Math.max(0, ...Object.values(rr)) + 1;
  return { ...rr, [repId]: next };
}

function busyTime({ start, end, repId }: BusyTime): BusyTime {
  return { start, end, repId };
}

/**
 * The calendar logic both adapters share: round robin, holds and atomic changes. Every change
 * runs on one queue, so "check the reps are free, then write" never interleaves with another
 * change in this process; holds live in memory (they last minutes, and losing them on a
 * restart only means a visitor's confirmation is checked against real meetings alone).
 *
 * @example const calendar = createCalendar(storage, () => new Date());
 */
export function createCalendar(storage: CalendarStorage, clock: () => Date): Calendar {
  const queue = createKeyedQueue();
  const change = <T>(task: () => Promise<T>): Promise<T> => queue.run('calendar', task);
  let holds: Hold[] = [];

  /** Forgets expired holds and returns the current time. */
  function tick(): Date {
    const now = clock();
    holds = holds.filter((h) => Date.parse(h.until) > now.getTime());
    return now;
  }

  return {
    async busy(fromIso, toIso, options = {}) {
      tick();
      const span = { start: fromIso, end: toIso };
      const meetings = (await storage.between(fromIso, toIso)).filter(
        (e) => e.status === 'booked' && overlaps(e, span),
      );
      const held = holds.filter((h) => h.holdId !== options.exceptHoldId && overlaps(h, span));
      return [...meetings, ...held].map(busyTime);
    },

    claim(rawSlot, meeting: MeetingRequest) {
      const slot = normalized(rawSlot);
      return change(async () => {
        const now = tick();
        const holdId = meeting.holdId ?? meeting.conversationId;
        const own = holds.find(
          (h) => h.holdId === holdId && h.start === slot.start && h.end === slot.end,
        );
        const roundRobin = await storage.roundRobin();
        const repId = pickRep({
          slot,
          entries: await storage.between(slot.start, slot.end),
          holds,
          holdId,
          roundRobin,
          prefer: own?.repId,
        });
        if (repId === null) return null;
        if ((await storage.find(meeting.id)) !== null)
          throw new AppError('CONFLICT', `meeting id "${meeting.id}" is already used`);
        const at = now.toISOString();
        const entry: CalendarEntry = {
          id: meeting.id,
          conversationId: meeting.conversationId,
          start: slot.start,
          end: slot.end,
          repId,
          status: 'booked',
          sequence: 0,
          createdAt: at,
          updatedAt: at,
        };
        if (meeting.attendee)
          entry.attendee = { name: meeting.attendee.name, email: meeting.attendee.email };
        if (meeting.timezone !== undefined) entry.timezone = meeting.timezone;
        if (meeting.locale !== undefined) entry.locale = meeting.locale;
        await storage.save(entry, null, assigned(roundRobin, repId));
        // Booked: the other slots offered to this visitor go back to everyone.
        holds = holds.filter((h) => h.holdId !== holdId);
        return entry;
      });
    },

    get: (meetingId) => storage.find(meetingId),

    meetingsBetween: (fromIso, toIso) => storage.between(fromIso, toIso),

    cancel(meetingId) {
      return change(async () => {
        const now = tick();
        const current = await storage.find(meetingId);
        if (current === null) return { ok: false, reason: 'not_found' } as const;
        if (current.status === 'canceled')
          return { ok: true, entry: current, changed: false } as const;
        const entry: CalendarEntry = {
          ...current,
          status: 'canceled',
          sequence: current.sequence + 1,
          updatedAt: now.toISOString(),
        };
        await storage.save(entry, current, null);
        return { ok: true, entry, changed: true } as const;
      });
    },

    reschedule(meetingId, rawSlot) {
      const slot = normalized(rawSlot);
      return change(async () => {
        const now = tick();
        const current = await storage.find(meetingId);
        if (current === null) return { ok: false, reason: 'not_found' } as const;
        if (current.status === 'canceled') return { ok: false, reason: 'canceled' } as const;
        if (current.start === slot.start && current.end === slot.end)
          return { ok: true, entry: current } as const;
        const roundRobin = await storage.roundRobin();
        const repId = pickRep({
          slot,
          entries: await storage.between(slot.start, slot.end),
          holds,
          holdId: current.conversationId,
          roundRobin,
          prefer: current.repId,
          ignoreMeetingId: current.id,
        });
        if (repId === null) return { ok: false, reason: 'taken' } as const;
        const entry: CalendarEntry = {
          ...current,
          start: slot.start,
          end: slot.end,
          repId,
          sequence: current.sequence + 1,
          updatedAt: now.toISOString(),
        };
        await storage.save(
          entry,
          current,
          repId === current.repId ? null : assigned(roundRobin, repId),
        );
        return { ok: true, entry } as const;
      });
    },

    hold(rawSlot, holdId, until) {
      const slot = normalized(rawSlot);
      const untilIso = new Date(until).toISOString();
      return change(async () => {
        const now = tick();
        if (Date.parse(untilIso) <= now.getTime()) return null;
        const same = holds.find(
          (h) => h.holdId === holdId && h.start === slot.start && h.end === slot.end,
        );
        if (same) {
          if (untilIso > same.until) same.until = untilIso;
          return { ...same };
        }
        const repId = pickRep({
          slot,
          entries: await storage.between(slot.start, slot.end),
          holds,
          holdId,
          roundRobin: await storage.roundRobin(),
        });
        if (repId === null) return null;
        const held: Hold = { holdId, start: slot.start, end: slot.end, repId, until: untilIso };
        holds.push(held);
        return { ...held };
      });
    },

    release(holdId) {
      return change(async () => {
        holds = holds.filter((h) => h.holdId !== holdId);
      });
    },

    list: () => change(() => storage.all()),

    erase(meetingId) {
      return change(() => storage.remove(meetingId));
    },
  };
}
