import { dateFormat } from '../lib/date-formats.js';
import { DateTime } from 'luxon';
import type { BookingConfig } from '../config/config-schema.js';
import { clockTime, repWorkingHours, type Span } from './rep-working-hours.js';
import { createBoundedMemo, type BoundedMemo } from '../lib/bounded-memo.js';

/** A bookable time: start and end instants (ISO, UTC) and the reps free then. */
export type FreeSlot = { start: string; end: string; repIds: string[] };
/** A meeting (or a hold) on a rep's calendar. */
export type BusyTime = { start: string; end: string; repId: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How many of the ascending `values` are below `x` (or at most `x` when `inclusive`). */
function countBelow(values: readonly number[], x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = values[mid] ?? 0;
    if (v < x || (inclusive && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans sorted by start with the running maximum of their ends, for O(log n) overlap checks. */
type SpanIndex = { froms: number[]; tos: number[]; maxTo: number[] };

function indexSpans(spans: Span[]): SpanIndex {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const maxTo: number[] = [];
  for (const s of sorted) maxTo.push(Math.max(s.to, maxTo.at(-1) ?? -Infinity));
  return { froms: sorted.map((s) => s.from), tos: sorted.map((s) => s.to), maxTo };
}

/** Whether any span overlaps [from, to). */
const overlapsAny = (idx: SpanIndex, from: number, to: number): boolean =>
  (idx.maxTo[countBelow(idx.froms, to, false) - 1] ?? -Infinity) > from;
/** Whether one span (of spans that never overlap each other) holds all of [from, to). */
const inside = (idx: SpanIndex, from: number, to: number): boolean =>
  (idx.tos[countBelow(idx.froms, from, true) - 1] ?? -Infinity) >= to;

/**
 * `build()` remembered per booking config and key: the config object lives as long as the
 * process runs with it, and each map is emptied once it holds `max` keys (days pass, keys with them).
 */
function memoFor<K, V>(
  memos: WeakMap<BookingConfig, BoundedMemo<K, V>>,
  cfg: BookingConfig,
  key: K,
  max: number,
  build: () => V,
): V {
  let memo = memos.get(cfg);
  if (memo === undefined) memos.set(cfg, (memo = createBoundedMemo(max)));
  return memo.get(key, build);
}

const gridMemo = new WeakMap<BookingConfig, BoundedMemo<number, number[]>>();

/**
 * The start instants of every slot of the company's grid from the day starting at `firstDay`
 * (midnight in `cfg.timezone`) through the horizon and a day more, oldest first: the same for
 * every turn of that day, so it is built once (luxon's zone arithmetic is the costly part).
 */
function slotGrid(cfg: BookingConfig, firstDay: number): number[] {
  return memoFor(gridMemo, cfg, firstDay, 64, () => buildSlotGrid(cfg, firstDay));
}

function buildSlotGrid(cfg: BookingConfig, firstDay: number): number[] {
  const step = cfg.slotMinutes + cfg.bufferMinutes;
  const open = clockTime(cfg.hours.start);
  const starts: number[] = [];
  let day = DateTime.fromMillis(firstDay, { zone: cfg.timezone });
  for (let n = 0; n <= cfg.horizonDays + 1; n++, day = day.plus({ days: 1 })) {
    // On most days wall-clock minutes map straight onto instants; luxon is asked only on the
    // days the offset changes.
    const steady = day.offset === day.endOf('day').offset;
    for (let m = (open.hour * 60 + open.minute) % step; m + cfg.slotMinutes <= 24 * 60; m += step) {
      if (steady) {
        starts.push(day.toMillis() + m * MINUTE);
        continue;
      }
      const start = day.set({ hour: Math.floor(m / 60), minute: m % 60 });
      // Inside a spring-forward gap luxon moves the time on: that wall-clock time does not exist.
      if (start.hour * 60 + start.minute === m) starts.push(start.toMillis());
    }
  }
  return starts;
}

const workingHoursMemo = new WeakMap<BookingConfig, BoundedMemo<string, SpanIndex>>();

/**
 * A rep's working hours around [fromMs, toMs), widened to whole UTC days so that every turn of
 * the same day shares one computation (building each day's hours in luxon costs a fraction of
 * a millisecond per rep, and most turns ask again). Spans just outside the window are harmless:
 * slots are only looked for inside it.
 */
function workingHoursIndex(
  rep: BookingConfig['reps'][number],
  cfg: BookingConfig,
  fromMs: number,
  toMs: number,
): SpanIndex {
  const from = Math.floor(fromMs / DAY) * DAY;
  const to = Math.ceil(toMs / DAY) * DAY;
  return memoFor(workingHoursMemo, cfg, `${rep.id}|${from}|${to}`, 256, () =>
    indexSpans(repWorkingHours(rep, cfg, from, to)),
  );
}

/**
 * The free slots from `now` on, oldest first, each with the reps free then (in config order).
 *
 * The slot grid is the company's: every `slotMinutes + bufferMinutes` of each day in
 * `cfg.timezone`, lined up on `cfg.hours.start`. A slot is offered when at least one rep
 * works all of it by their own calendar (`repWorkingHours`: a rep without their own zone, week
 * or hours has the company's) and has no meeting within `bufferMinutes` of it. So the bookable
 * hours are the union of the reps' hours: a rep with their own zone or hours widens them.
 * Minimum notice counts from `now`; the horizon is `horizonDays` after `now`. Pure; luxon
 * builds each day's wall-clock times in its own zone, so daylight-saving changes on either
 * side are handled, and a wall-clock time that does not exist that day is skipped.
 *
 * @example freeSlots(config.booking, new Date('2026-03-03T15:00:00Z'), [], 3)
 */
export function freeSlots(
  cfg: BookingConfig,
  now: Date,
  busy: readonly BusyTime[],
  limit = Infinity,
): FreeSlot[] {
  const earliest = now.getTime() + Math.round(cfg.minNoticeHours * 60) * MINUTE;
  const latest = horizonEnd(cfg, now);
  const buffer = cfg.bufferMinutes * MINUTE;
  const reps = cfg.reps.map((rep) => {
    const own = busy
      .filter((b) => b.repId === rep.id)
      .map((b) => ({ from: Date.parse(b.start) - buffer, to: Date.parse(b.end) + buffer }));
    return {
      id: rep.id,
      hours: workingHoursIndex(rep, cfg, now.getTime() - DAY, latest + DAY),
      busy: indexSpans(own.filter((b) => Number.isFinite(b.from) && Number.isFinite(b.to))),
    };
  });

  const out: FreeSlot[] = [];
  const first = DateTime.fromJSDate(now, { zone: cfg.timezone }).startOf('day').toMillis();
  for (const from of slotGrid(cfg, first)) {
    if (out.length >= limit || from > latest) break;
    if (from < earliest) continue;
    const to = from + cfg.slotMinutes * MINUTE;
    const repIds = reps
      .filter((r) => inside(r.hours, from, to) && !overlapsAny(r.busy, from, to))
      .map((r) => r.id);
    if (repIds.length > 0)
      out.push({ start: new Date(from).toISOString(), end: new Date(to).toISOString(), repIds });
  }
  return out;
}

/**
 * Whether any rep works at least one slot's length of [fromMs, toMs) by their own calendar
 * (busy or not): false for a night, a weekend or a holiday, so the chat can say a time is
 * outside the team's hours rather than taken.
 *
 * @example worksDuring(cfg, Date.parse('2026-03-07T15:00:00Z'), Date.parse('2026-03-07T15:30:00Z')) // false: a Saturday
 */
export function worksDuring(cfg: BookingConfig, fromMs: number, toMs: number): boolean {
  const need = Math.min(cfg.slotMinutes * MINUTE, toMs - fromMs);
  return cfg.reps.some((rep) =>
    repWorkingHours(rep, cfg, fromMs - DAY, toMs + DAY).some(
      (s) => Math.min(s.to, toMs) - Math.max(s.from, fromMs) >= need,
    ),
  );
}

/** The last instant bookable from `now`: `horizonDays` ahead on the company's calendar. */
export function horizonEnd(cfg: BookingConfig, now: Date): number {
  // Luxon's zone arithmetic is the costly part of a booking turn. What it adds to `now` (the
  // days, give or take a DST change) is the same for every instant of a minute, since zones
  // change offset on whole minutes: computed once per config and minute.
  const minute = Math.floor(now.getTime() / MINUTE);
  const ahead = memoFor(
    horizonMemo,
    cfg,
    minute,
    1_000,
    () =>
      DateTime.fromJSDate(now, { zone: cfg.timezone }).plus({ days: cfg.horizonDays }).toMillis() -
      now.getTime(),
  );
  return now.getTime() + ahead;
}

const horizonMemo = new WeakMap<BookingConfig, BoundedMemo<number, number>>();

/**
 * "Tue Mar 10, 10:00 AM CDT": a slot's start in the visitor's own time zone and locale (an
 * unknown locale falls back to en-US).
 */
export function slotLabel(startIso: string, timezone: string, locale = 'en-US'): string {
  const d = new Date(startIso);
  const safeLocale = supportedLocale(locale);
  const date = dateFormat(safeLocale, {
    timeZone: timezone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(d);
  const time = dateFormat(safeLocale, {
    timeZone: timezone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
  return `${date}, ${time}`;
}

function supportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    // A malformed tag ("en_US!") throws a RangeError rather than being unsupported.
    return 'en-US';
  }
}
