import { DateTime, Interval } from 'luxon';
import type { BookingConfig } from '../config/config-schema.js';

/** A bookable time: start and end instants (ISO, UTC) and the reps free then. */
export type FreeSlot = { start: string; end: string; repIds: string[] };
/** A meeting already on a rep's calendar. */
export type BusyTime = { start: string; end: string; repId: string };

type Rep = BookingConfig['reps'][number];

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether the rep works at [start, end) by their own week and hours (default: the company's). */
function repWorks(rep: Rep, cfg: BookingConfig, start: DateTime, end: DateTime): boolean {
  if (!rep.timezone && !rep.weekdays && !rep.hours) return true;
  const zone = rep.timezone ?? cfg.timezone;
  const s = start.setZone(zone);
  const e = end.setZone(zone);
  if (!(rep.weekdays ?? cfg.weekdays).includes(s.weekday)) return false;
  const hours = rep.hours ?? cfg.hours;
  const from = minutesOf(hours.start);
  const to = minutesOf(hours.end);
  const sMin = s.hour * 60 + s.minute;
  const eMin = e.hasSame(s, 'day') ? e.hour * 60 + e.minute : 24 * 60;
  return sMin >= from && eMin <= to;
}

/**
 * The free slots from `now` on, in the company's calendar (time zone, weekdays, hours, slot
 * length, buffer, minimum notice, horizon, holidays), each with the reps free at that time.
 * Pure; daylight-saving changes are handled by luxon, which builds each day's wall-clock
 * hours in the calendar's own zone.
 */
export function freeSlots(cfg: BookingConfig, now: Date, busy: readonly BusyTime[], limit = Infinity): FreeSlot[] {
  const zone = cfg.timezone;
  const earliest = DateTime.fromJSDate(now).plus({ minutes: Math.round(cfg.minNoticeHours * 60) });
  const horizon = DateTime.fromJSDate(now).setZone(zone).plus({ days: cfg.horizonDays });
  const busyByRep = new Map<string, Interval[]>();
  for (const b of busy) {
    const i = Interval.fromDateTimes(
      DateTime.fromISO(b.start).minus({ minutes: cfg.bufferMinutes }),
      DateTime.fromISO(b.end).plus({ minutes: cfg.bufferMinutes }),
    );
    if (!i.isValid) continue;
    busyByRep.set(b.repId, [...(busyByRep.get(b.repId) ?? []), i]);
  }
  const out: FreeSlot[] = [];
  const from = minutesOf(cfg.hours.start);
  const to = minutesOf(cfg.hours.end);
  for (let day = DateTime.fromJSDate(now).setZone(zone).startOf('day'); day <= horizon && out.length < limit; day = day.plus({ days: 1 })) {
    if (!cfg.weekdays.includes(day.weekday)) continue;
    if (cfg.holidays.includes(day.toISODate() ?? '')) continue;
    for (let m = from; m + cfg.slotMinutes <= to && out.length < limit; m += cfg.slotMinutes + cfg.bufferMinutes) {
      const start = day.set({ hour: Math.floor(m / 60), minute: m % 60 });
      const end = start.plus({ minutes: cfg.slotMinutes });
      if (start < earliest || start > horizon) continue;
      const slot = Interval.fromDateTimes(start, end);
      const repIds = cfg.reps
        .filter((r) => repWorks(r, cfg, start, end))
        .filter((r) => !(busyByRep.get(r.id) ?? []).some((b) => b.overlaps(slot)))
        .map((r) => r.id);
      if (repIds.length === 0) continue;
      out.push({ start: start.toUTC().toISO() ?? '', end: end.toUTC().toISO() ?? '', repIds });
    }
  }
  return out;
}

/** "Tue Mar 10, 10:00 AM CDT": a slot's start in the visitor's own time zone. */
export function slotLabel(startIso: string, timezone: string, locale = 'en-US'): string {
  const d = new Date(startIso);
  const safeLocale = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  const date = new Intl.DateTimeFormat(safeLocale, { timeZone: timezone, weekday: 'short', month: 'short', day: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat(safeLocale, { timeZone: timezone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d);
  return `${date}, ${time}`;
}
