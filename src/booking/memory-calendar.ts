import type { Calendar, CalendarEntry } from './calendar.js';
import { createCalendar, type CalendarStorage } from './create-calendar.js';
import { overlaps, type RoundRobin } from './pick-rep.js';

/**
 * An in-process calendar for tests, the eval and the terminal chat. It shares its logic with
 * the lowdb adapter (`createCalendar`); `clock` decides when holds expire (default: real time).
 *
 * @example
 *   const calendar = createMemoryCalendar([], { clock: () => new Date('2026-03-03T15:00:00Z') });
 */
export function createMemoryCalendar(
  initial: readonly CalendarEntry[] = [],
  options: { clock?: () => Date } = {},
): Calendar & { entries(): CalendarEntry[] } {
  const entries = new Map<string, CalendarEntry>(initial.map((e) => [e.id, structuredClone(e)]));
  let roundRobin: RoundRobin = {};
  // Copies in and out, like a real store: a caller mutating an entry never changes the calendar.
  const storage: CalendarStorage = {
    async between(fromIso, toIso) {
      return [...entries.values()]
        .filter((e) => overlaps(e, { start: fromIso, end: toIso }))
        .map((e) => structuredClone(e));
    },
    async find(meetingId) {
      const e = entries.get(meetingId);
      return e === undefined ? null : structuredClone(e);
    },
    async save(entry, _previous, rr) {
      entries.set(entry.id, structuredClone(entry));
      if (rr !== null) roundRobin = rr;
    },
    async roundRobin() {
      return roundRobin;
    },
    async all() {
      return [...entries.values()].map((e) => structuredClone(e));
    },
    async remove(meetingId) {
      return entries.delete(meetingId);
    },
  };
  const calendar = createCalendar(storage, options.clock ?? (() => new Date()));
  return { ...calendar, entries: () => [...entries.values()].map((e) => structuredClone(e)) };
}
