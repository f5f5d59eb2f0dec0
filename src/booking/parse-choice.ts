import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { FreeSlot } from './availability.js';
import { slotLabel } from './availability.js';

export type ChoiceResult =
  | { kind: 'slot'; slot: FreeSlot }
  /** A time was understood but is not free: the nearest free ones. */
  | { kind: 'alternatives'; requested: string; slots: FreeSlot[] }
  | { kind: 'unknown' };

const normalize = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Reads the visitor's choice of meeting time: a quick-reply label or value, an ISO instant,
 * or typed text ("Thursday at 2pm", "friday morning") read in the visitor's time zone and
 * matched to a free slot; a time that is not free gives the nearest free slots instead.
 */
export function parseChoice(text: string, free: readonly FreeSlot[], offered: readonly string[], now: Date, timezone: string, locale: string, count: number): ChoiceResult {
  const t = normalize(text);
  for (const start of offered) {
    const slot = free.find((s) => s.start === start);
    if (slot && (t === normalize(slotLabel(start, timezone, locale)) || text.trim() === start)) return { kind: 'slot', slot };
  }
  const exact = free.find((s) => text.trim() === s.start);
  if (exact) return { kind: 'slot', slot: exact };

  const ref = DateTime.fromJSDate(now).setZone(timezone);
  const parsed = chrono.parse(text, { instant: now, timezone: ref.offset }, { forwardDate: true })[0];
  if (!parsed) return { kind: 'unknown' };
  const c = parsed.start;
  const day = DateTime.fromObject({ year: c.get('year') ?? ref.year, month: c.get('month') ?? ref.month, day: c.get('day') ?? ref.day }, { zone: timezone });
  const hasTime = c.isCertain('hour');
  let wanted: DateTime;
  if (hasTime && c.isCertain('timezoneOffset')) wanted = DateTime.fromJSDate(c.date());
  else wanted = day.set({ hour: c.get('hour') ?? 9, minute: c.get('minute') ?? 0 });
  const requested = hasTime ? slotLabel(wanted.toUTC().toISO() ?? '', timezone, locale) : wanted.toFormat('cccc, LLL d');

  if (hasTime) {
    const hit = free.find((s) => DateTime.fromISO(s.start).toMillis() === wanted.toMillis());
    if (hit) return { kind: 'slot', slot: hit };
  } else {
    // "Friday morning" / "any time Friday": the first free slot that day in that part of the day.
    const part = /morning/i.test(text) ? [0, 12] : /afternoon/i.test(text) ? [12, 17] : /evening/i.test(text) ? [17, 24] : [0, 24];
    const sameDay = free.filter((s) => {
      const local = DateTime.fromISO(s.start).setZone(timezone);
      return local.hasSame(day, 'day') && local.hour >= (part[0] ?? 0) && local.hour < (part[1] ?? 24);
    });
    if (sameDay.length === 1 || (sameDay.length > 0 && /\bany ?time\b|\bwhenever\b/i.test(text))) return { kind: 'slot', slot: sameDay[0]! };
    if (sameDay.length > 1) return { kind: 'alternatives', requested, slots: sameDay.slice(0, count) };
  }
  const target = wanted.toMillis();
  const nearest = [...free].sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target)).slice(0, count);
  nearest.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { kind: 'alternatives', requested, slots: nearest };
}
