import * as chrono from 'chrono-node';
import { DateTime, FixedOffsetZone } from 'luxon';

/** What a visitor's words say about when they want to meet, in their own time zone. */
export type RequestedTime = {
  /** The day named ("Thursday", "tomorrow", "Mar 10"), at its start; null when none was. */
  day: DateTime | null;
  /** A range of days ("next week", "this week"), when no single day was named. */
  days: { from: DateTime; to: DateTime } | null;
  /** A wall-clock time; `ambiguous` when am/pm was not said ("at 4", "tomorrow at 10"). */
  time: { hour: number; minute: number; ambiguous: boolean } | null;
  /** The exact instant, when the visitor also named a zone ("2pm EST"). */
  instant: DateTime | null;
  /** Part of the day, as local hours [from, to) ("morning" = 0 to 12). */
  part: DayPart | null;
  /** "any time", "whenever": the first free slot that fits will do. */
  anyTime: boolean;
};

/** Local hours [from, to), and the hour to look around when nothing in it is free. */
export type DayPart = { name: 'morning' | 'afternoon' | 'evening'; from: number; to: number; typical: number };

const PARTS: readonly [RegExp, DayPart][] = [
  [/\bmornings?\b/i, { name: 'morning', from: 0, to: 12, typical: 9 }],
  [/\bafternoons?\b/i, { name: 'afternoon', from: 12, to: 17, typical: 14 }],
  [/\b(evenings?|tonight)\b/i, { name: 'evening', from: 17, to: 24, typical: 18 }],
];
const ANY_TIME = /\b(any ?time|whenever|any slot|any of them|either|doesn'?t matter|all good|flexible)\b/i;
const MOMENT_MS = 10 * 60_000;
// Abbreviations that are also words ("sat", "sun") are left out on purpose.
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri)\b/i;
const DAY_OF_MONTH = /\bon the (\d{1,2})(?:st|nd|rd|th)\b/i;
const WEEK = /\b(this|next|coming)\s+week\b/i;

/**
 * Reads a typed meeting time with chrono-node (the library the extractor uses for dates),
 * relative to `now` in the visitor's zone: "Thursday at 2pm", "tomorrow at 10", "any time
 * Friday morning", "next week". Chrono's own guesses for what was not said (its "implied"
 * values) are dropped, so "3pm" is a time on no particular day. Null when nothing about a
 * time or day was said.
 *
 * @example readRequestedTime('thu 2:30pm', new Date('2026-03-03T15:00:00Z'), 'Europe/Berlin')?.time // { hour: 14, minute: 30, ambiguous: false }
 */
export function readRequestedTime(text: string, now: Date, timezone: string): RequestedTime | null {
  const ref = DateTime.fromJSDate(now, { zone: timezone });
  // The offset only places "today" on the visitor's calendar; each day's own offset is
  // applied later, when the wall-clock time is turned into an instant in `timezone`. "Give me
  // a second", "just a minute", "now": chrono reads a moment from now, not a meeting time.
  const results = chrono
    .parse(text, { instant: now, timezone: ref.offset }, { forwardDate: true })
    .filter((r) => /\d/.test(r.text) || Math.abs(r.start.date().getTime() - now.getTime()) >= MOMENT_MS);
  // The day and the time may come in separate pieces ("mid-afternoon Wednesday", "9:30 on the 12th").
  const dated = results.find((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))?.start;
  const named = dated ? { date: dateOf(dated, ref), weekday: dated.isCertain('weekday') } : namedDay(text, now, ref);
  const timed = results.find((r) => r.start.isCertain('hour'))?.start;
  const part = PARTS.find(([re]) => re.test(text))?.[1] ?? null;
  const week = WEEK.exec(text);
  const anyTime = ANY_TIME.test(text);
  if (results.length === 0 && !named && !part && !week && !anyTime) return null;

  const weekdayNamed = named?.weekday === true;
  let day: DateTime | null = named ? DateTime.fromObject(named.date, { zone: timezone }) : null;
  let days: RequestedTime['days'] = null;
  // chrono reads "next week" as one day a week from now; the visitor means any day of that week.
  if (week && !weekdayNamed) {
    const thisWeek = week[1]?.toLowerCase() === 'this';
    const from = thisWeek ? ref.startOf('day') : ref.startOf('week').plus({ weeks: 1 });
    days = { from, to: from.endOf('week') };
    day = null;
  }
  let time: RequestedTime['time'] = null;
  let instant: DateTime | null = null;
  if (timed) {
    const hour = timed.get('hour') ?? 0;
    time = { hour, minute: timed.get('minute') ?? 0, ambiguous: !timed.isCertain('meridiem') && hour >= 1 && hour <= 11 };
    // A named zone fixes the instant, on the day named when the zone came with the time alone.
    if (timed.isCertain('timezoneOffset')) {
      const zone = FixedOffsetZone.instance(timed.get('timezoneOffset') ?? 0);
      const own = DateTime.fromJSDate(timed.date(), { zone });
      const date = day && !timed.isCertain('day') && !timed.isCertain('weekday') ? day : own;
      instant = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: own.hour, minute: own.minute }, { zone }).setZone(timezone);
    }
  }
  return { day, days, time, instant, part: time ? null : part, anyTime };
}

type CalendarDate = { year: number; month: number; day: number };

/** The date chrono read (its guesses filling what was not said, relative to `ref`). */
function dateOf(c: chrono.ParsedComponents, ref: DateTime): CalendarDate {
  return { year: c.get('year') ?? ref.year, month: c.get('month') ?? ref.month, day: c.get('day') ?? ref.day };
}

/**
 * A day chrono missed because of the words around it: a weekday anywhere ("afternoon
 * Wednesday", which chrono reads as today) or "on the 12th" (the next 12th from today).
 */
function namedDay(text: string, now: Date, ref: DateTime): { date: CalendarDate; weekday: boolean } | undefined {
  const weekday = WEEKDAY.exec(text)?.[1];
  if (weekday) {
    const c = chrono.parse(weekday, { instant: now, timezone: ref.offset }, { forwardDate: true })[0]?.start;
    return c ? { date: dateOf(c, ref), weekday: true } : undefined;
  }
  const dayOfMonth = Number(DAY_OF_MONTH.exec(text)?.[1] ?? Number.NaN);
  const today = ref.startOf('day');
  for (let m = 0; m < 3 && dayOfMonth >= 1; m++) {
    const month = today.plus({ months: m });
    if (dayOfMonth > (month.daysInMonth ?? 31)) continue;
    const candidate = month.set({ day: dayOfMonth });
    if (candidate >= today) return { date: { year: candidate.year, month: candidate.month, day: candidate.day }, weekday: false };
  }
  return undefined;
}
