import type { BusyTime, FreeSlot } from './availability.js';
import type { Calendar, CalendarEntry } from './calendar.js';

const overlaps = (a: BusyTime, b: { start: string; end: string }): boolean => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/**
 * An in-process calendar. Claims run synchronously inside one turn of the event loop, so
 * two claims can never interleave; round robin starts after the rep booked last.
 */
export function createMemoryCalendar(initial: readonly CalendarEntry[] = []): Calendar & { entries(): CalendarEntry[] } {
  const entries: CalendarEntry[] = [...initial];
  let lastRep: string | null = null;
  return {
    async busy(fromIso, toIso) {
      return entries.filter((e) => overlaps(e, { start: fromIso, end: toIso })).map(({ start, end, repId }) => ({ start, end, repId }));
    },
    async claim(slot: FreeSlot, meeting) {
      const order = rotate(slot.repIds, lastRep);
      const repId = order.find((r) => !entries.some((e) => e.repId === r && overlaps(e, slot)));
      if (repId === undefined) return null;
      const entry: CalendarEntry = { ...meeting, start: slot.start, end: slot.end, repId };
      entries.push(entry);
      lastRep = repId;
      return entry;
    },
    entries: () => [...entries],
  };
}

/** The reps in order, starting after the one booked last. */
function rotate(reps: readonly string[], last: string | null): string[] {
  const i = last === null ? -1 : reps.indexOf(last);
  return [...reps.slice(i + 1), ...reps.slice(0, i + 1)];
}
