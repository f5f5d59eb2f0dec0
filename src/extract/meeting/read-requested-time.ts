import * as chrono from 'chrono-node';
import { DateTime, FixedOffsetZone } from 'luxon';
import { namedZone } from './named-zone.js';

/** What a visitor's words say about when they want to meet, on the wall clock of `zone`. */
export type RequestedTime = {
  /**
   * The zone the words are read in: the visitor's own, or the one they named ("2pm Berlin
   * time", "10am CET"). Every field below is a wall-clock value in it.
   */
  zone: string;
  /** True when the visitor named `zone` themselves. */
  zoneNamed: boolean;
  /** The day named ("Thursday", "tomorrow", "Mar 10"), at its start; null when none was. */
  day: DateTime | null;
  /** A range of days ("next week", "this week"), when no single day was named. */
  days: { from: DateTime; to: DateTime } | null;
  /**
   * A wall-clock time. Without am/pm (`ambiguous`) the hour has the usual business reading
   * already: 1-7 is afternoon (13-19), 8-11 morning, 12 noon; "at 9 in the evening" follows the
   * part of the day named.
   */
  time: { hour: number; minute: number; ambiguous: boolean } | null;
  /** Part of the day, as local hours [from, to) ("morning" = 8 to 12). */
  part: DayPart | null;
  /** "any time", "whenever": the first free slot that fits will do. */
  anyTime: boolean;
};

/** Local hours [from, to), and the hour to look around when nothing in it is free. */
export type DayPart = {
  name: 'morning' | 'afternoon' | 'evening';
  from: number;
  to: number;
  typical: number;
};

const PARTS: readonly [RegExp, DayPart][] = [
  [/\bmornings?\b/i, { name: 'morning', from: 8, to: 12, typical: 9 }],
  [/\bafternoons?\b/i, { name: 'afternoon', from: 12, to: 17, typical: 14 }],
  [/\b(evenings?|tonight)\b/i, { name: 'evening', from: 17, to: 21, typical: 18 }],
];
const ANY_TIME =
  /\b(any ?time|whenever|any slot|any of them|either|doesn'?t matter|all good|flexible)\b/i;
const MOMENT_MS = 10 * 60_000;
// Abbreviations that are also words ("sat", "sun") are left out on purpose.
const WEEKDAY =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri)\b/i;
const DAY_OF_MONTH = /\bon the (\d{1,2})(?:st|nd|rd|th)\b/i;
const WEEK = /\b(this|next|coming)\s+week\b/i;

/** The business reading of an hour said without am/pm: 1-7 pm, 8-11 am, 12 noon. */
function businessHour(hour: number, part: DayPart | null): number {
  if (part !== null && part.name !== 'morning') return hour < 12 ? hour + 12 : hour;
  if (part?.name === 'morning') return hour;
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

/**
 * Reads a typed meeting time with chrono-node (the library the extractor uses for dates),
 * relative to `now` on the wall clock of the visitor's zone, or of the zone they named:
 * "Thursday at 2pm", "tomorrow at 10" (10 AM), "any time Friday morning", "next week",
 * "2pm Berlin time". Chrono's own guesses for what was not said (its "implied" values) are
 * dropped, so "3pm" is a time on no particular day. Null when nothing about a time or day was
 * said.
 *
 * @example readRequestedTime('thu 2:30pm', new Date('2026-03-03T15:00:00Z'), 'Europe/Berlin')?.time // { hour: 14, minute: 30, ambiguous: false }
 */
export function readRequestedTime(text: string, now: Date, timezone: string): RequestedTime | null {
  const named = namedZone(text);
  const ref = DateTime.fromJSDate(now, { zone: named ?? timezone });
  // The offset only places "today" on the calendar of the zone; each day's own offset is
  // applied later, when the wall-clock time is turned into an instant. "Give me a second",
  // "just a minute", "now": chrono reads a moment from now, not a meeting time.
  const results = chrono
    .parse(text, { instant: now, timezone: ref.offset }, { forwardDate: true })
    .filter(
      (r) => /\d/.test(r.text) || Math.abs(r.start.date().getTime() - now.getTime()) >= MOMENT_MS,
    );
  // The day and the time may come in separate pieces ("mid-afternoon Wednesday", "9:30 on the 12th").
  const dated = results.find(
    (r) => r.start.isCertain('day') || r.start.isCertain('weekday'),
  )?.start;
  const onDay = dated
    ? { date: dateOf(dated, ref), weekday: dated.isCertain('weekday') }
    : namedDay(text, now, ref);
  const timed = results.find((r) => r.start.isCertain('hour'))?.start;
  const part = PARTS.find(([re]) => re.test(text))?.[1] ?? null;
  const week = WEEK.exec(text);
  const anyTime = ANY_TIME.test(text);
  if (results.length === 0 && !onDay && !part && !week && !anyTime) return null;

  // A zone chrono knows but the table does not ("2pm HST") is kept as chrono's fixed offset.
  const zone =
    named ??
    (timed?.isCertain('timezoneOffset')
      ? FixedOffsetZone.instance(timed.get('timezoneOffset') ?? 0).name
      : (ref.zoneName ?? timezone));
  const zoned = zone === ref.zoneName ? ref : DateTime.fromJSDate(now, { zone });
  const weekdayNamed = onDay?.weekday === true;
  let day: DateTime | null = onDay ? DateTime.fromObject(onDay.date, { zone }) : null;
  let days: RequestedTime['days'] = null;
  // chrono reads "next week" as one day a week from now; the visitor means any day of that week.
  if (week && !weekdayNamed) {
    const thisWeek = week[1]?.toLowerCase() === 'this';
    const from = thisWeek ? zoned.startOf('day') : zoned.startOf('week').plus({ weeks: 1 });
    days = { from, to: from.endOf('week') };
    day = null;
  }
  let time: RequestedTime['time'] = null;
  if (timed) {
    const said = timed.get('hour') ?? 0;
    const ambiguous = !timed.isCertain('meridiem') && said >= 1 && said <= 11;
    time = {
      hour: ambiguous ? businessHour(said, part) : said,
      minute: timed.get('minute') ?? 0,
      ambiguous,
    };
  }
  return { zone, zoneNamed: zone !== timezone, day, days, time, part: time ? null : part, anyTime };
}

type CalendarDate = { year: number; month: number; day: number };

/** The date chrono read (its guesses filling what was not said, relative to `ref`). */
function dateOf(c: chrono.ParsedComponents, ref: DateTime): CalendarDate {
  return {
    year: c.get('year') ?? ref.year,
    month: c.get('month') ?? ref.month,
    day: c.get('day') ?? ref.day,
  };
}

/**
 * A day chrono missed because of the words around it: a weekday anywhere ("afternoon
 * Wednesday", which chrono reads as today) or "on the 12th" (the next 12th from today).
 */
function namedDay(
  text: string,
  now: Date,
  ref: DateTime,
): { date: CalendarDate; weekday: boolean } | undefined {
  const weekday = WEEKDAY.exec(text)?.[1];
  if (weekday) {
    const c = chrono.parse(
      weekday,
      { instant: now, timezone: ref.offset },
      { forwardDate: true },
    )[0]?.start;
    return c ? { date: dateOf(c, ref), weekday: true } : undefined;
  }
  const dayOfMonth = Number(DAY_OF_MONTH.exec(text)?.[1] ?? Number.NaN);
  const today = ref.startOf('day');
  for (let m = 0; m < 3 && dayOfMonth >= 1; m++) {
    const month = today.plus({ months: m });
    if (dayOfMonth > (month.daysInMonth ?? 31)) continue;
    const candidate = month.set({ day: dayOfMonth });
    if (candidate >= today)
      return {
        date: { year: candidate.year, month: candidate.month, day: candidate.day },
        weekday: false,
      };
  }
  return undefined;
}
