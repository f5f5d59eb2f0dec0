import { dateFormat } from '../../lib/date-formats.js';
import { AppError } from '../../errors/app-error.js';
import type { TimelineBucket } from '../../lead/field-paths.js';
import { createBoundedMemo } from '../../lib/bounded-memo.js';

/** A day on the visitor's wall calendar, with no time zone attached. */
export type CivilDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;

/** Upper bounds (days from today, inclusive) of the dated buckets (DESIGN.md "The lead record"). */
const BUCKET_LIMITS: readonly (readonly [number, TimelineBucket])[] = [
  [30, 'immediate'],
  [90, 'quarter'],
  [180, 'half'],
  [365, 'year'],
];

/**
 * The timeline bucket of a target date, counted in whole days from today in the visitor's
 * time zone: immediate (<= 30 days, past dates included), quarter (31-90), half (91-180),
 * year (181-365), later (> 365).
 *
 * @example bucketFor('2026-04-30', new Date('2026-02-09T10:15:00Z'), 'Europe/London') // 'quarter'
 */
export function bucketFor(targetIsoDate: string, now: Date, timezone: string): TimelineBucket {
  const target = parseIsoDate(targetIsoDate);
  if (!target)
    throw new AppError(
      'BAD_REQUEST',
      `timeline target "${targetIsoDate}" is not an ISO date (YYYY-MM-DD)`,
    );
  const days = daysBetween(localToday(now, timezone), target);
  return BUCKET_LIMITS.find(([limit]) => days <= limit)?.[1] ?? 'later';
}

/** Today's date on the wall calendar of `timezone` at the instant `now`. */
export function localToday(now: Date, timezone: string): CivilDate {
  return { ...todays.get(minuteKey(now, timezone), () => computeLocalToday(now, timezone)) };
}

/*
 * Every message asks for its local date and UTC offset several times (rules, scoring,
 * booking), and formatToParts is the costly part. Both are cached per zone and minute: zones
 * change offset, and so date, only on whole minutes, so the minute's answer is exact.
 */
const todays = createBoundedMemo<string, CivilDate>(1_000);
const offsets = createBoundedMemo<string, number>(1_000);
const minuteKey = (now: Date, timezone: string): string =>
  `${timezone}|${Math.floor(now.getTime() / 60_000)}`;

function computeLocalToday(now: Date, timezone: string): CivilDate {
  const parts = dateFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Minutes east of UTC of `timezone` at `now` (what chrono-node takes as a reference zone). */
export function utcOffsetMinutes(now: Date, timezone: string): number {
  return offsets.get(minuteKey(now, timezone), () => computeUtcOffset(now, timezone));
}

function computeUtcOffset(now: Date, timezone: string): number {
  const parts = dateFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wall - Math.floor(now.getTime() / 1000) * 1000) / 60_000);
}

/** A span of days ("March", "Q3", "next year", "summer"), both ends included. */
export type Period = { start: CivilDate; end: CivilDate };

/** Where in a period a phrase points: "early March", "mid-December", "end of Q2", "after summer". */
export type PeriodPoint = 'start' | 'early' | 'mid' | 'end' | 'after';

/**
 * The day a phrase points at in a period: `early` is the 5th of a month or two weeks into a
 * longer period, `mid` the middle (15th, Aug 15 of Q3, Jul 1 of a year), `end` the last day,
 * `after` the day after the period.
 */
export function pointIn(period: Period, point: PeriodPoint): CivilDate {
  const length = daysBetween(period.start, period.end) + 1;
  switch (point) {
    case 'start':
      return period.start;
    case 'early':
      return addDays(period.start, length <= 31 ? 4 : 14);
    case 'mid':
      return addDays(period.start, Math.floor(length / 2) - 1);
    case 'end':
      return period.end;
    case 'after':
      return addDays(period.end, 1);
  }
}

/** Which part of a period a vague phrase covers: all of "next year", the first third for "early next year". */
export type PeriodPart = 'whole' | 'early' | 'mid' | 'late';

/**
 * The days a vague phrase covers in a period: `whole` all of it, `early` / `mid` / `late` its
 * first, middle and last third. A narrower phrase inside it refines it ("early next year,
 * around February").
 *
 * @example periodPart(monthsPeriod(2027, 1, 12), 'early') // Jan 1 to May 1, 2027
 */
export function periodPart(period: Period, part: PeriodPart): Period {
  const third = Math.floor((daysBetween(period.start, period.end) + 1) / 3);
  switch (part) {
    case 'whole':
      return period;
    case 'early':
      return { start: period.start, end: addDays(period.start, third - 1) };
    case 'mid':
      return { start: addDays(period.start, third), end: addDays(period.end, -third) };
    case 'late':
      return { start: addDays(period.end, 1 - third), end: period.end };
  }
}

/** Whether `date` falls inside `period`, both ends included. */
export function isWithin(date: CivilDate, period: Period): boolean {
  return compareDates(date, period.start) >= 0 && compareDates(date, period.end) <= 0;
}

/** A calendar month, 1st to last day. */
export function monthPeriod(year: number, month: number): Period {
  return { start: { year, month, day: 1 }, end: { year, month, day: lastDayOfMonth(year, month) } };
}

/** The period `months` long starting on the 1st of `month` of `year` (quarters, seasons, fiscal years). */
export function monthsPeriod(year: number, month: number, months: number): Period {
  const start = { year, month, day: 1 };
  return { start, end: addDays(addMonths(start, months), -1) };
}

/**
 * The first period of a yearly series that has not ended by `today` ("March" in April is next
 * March; "winter" in January is the winter that began in December).
 */
export function upcoming(periodInYear: (year: number) => Period, today: CivilDate): Period {
  for (let year = today.year - 1; ; year++) {
    const period = periodInYear(year);
    if (compareDates(period.end, today) >= 0) return period;
  }
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(utc(date) + days * DAY_MS);
}

/** Adds calendar months, keeping the day when the target month has it, else its last day. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, lastDayOfMonth(year, month)) };
}

/** The number of days in a month (month 1-12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  return new Date(utc(date)).getUTCDay() || 7;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return utc(a) - utc(b);
}

/** `YYYY-MM-DD`. */
export function toIsoDate(date: CivilDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Reads `YYYY-MM-DD`; null when malformed or not a real day. */
export function parseIsoDate(iso: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return date.month >= 1 &&
    date.month <= 12 &&
    date.day >= 1 &&
    date.day <= lastDayOfMonth(date.year, date.month)
    ? date
    : null;
}

function utc(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtc(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
