import { DateTime } from 'luxon';
import type { BookingConfig } from '../config/config-schema.js';
import { horizonEnd, slotLabel, worksDuring, type FreeSlot } from './availability.js';
import type { RequestedTime } from '../extract/meeting/read-requested-time.js';
import type { TimeChoice } from '../extract/meeting/read-time-choice.js';

/**
 * Why the time asked for is not booked: `taken` (the team works then, but it is booked, held
 * or too soon), `outside-hours` (nobody works then: a night, a weekend, a holiday),
 * `beyond-horizon` (bookings do not open that far ahead), `several` (more than one free slot
 * fits what was asked, "Monday afternoon").
 */
export type AlternativesReason = 'taken' | 'several' | 'outside-hours' | 'beyond-horizon';

export type ChoiceResult =
  | { kind: 'slot'; slot: FreeSlot }
  /** The free slots to offer instead, oldest first: the nearest ones, or the several that fit. */
  | { kind: 'alternatives'; requested: string; slots: FreeSlot[]; reason: AlternativesReason }
  | { kind: 'unknown' };

/** What `matchChoice` reads a choice against. */
export type ChoiceContext = {
  free: readonly FreeSlot[];
  /** The starts just offered, in quick-reply order. */
  offered: readonly string[];
  now: Date;
  /** The visitor's IANA zone and locale. */
  timezone: string;
  locale: string;
  /** How many alternatives to give. */
  count: number;
  /** The company's calendar: to tell a time nobody works, or past the horizon, from a taken one. */
  booking: BookingConfig;
};

/** Visitor-local hours within which a time typed without am/pm may be booked. */
const AWAKE = { from: 7, to: 21 } as const;

/**
 * Matches the visitor's choice of meeting time (read from their words by `readTimeChoice`)
 * against the free slots and the ones just offered:
 * - a quick-reply label or value, or an ISO instant: that slot;
 * - a pick from the list ("the first one", "the second option", "the 2nd", "option 2");
 * - typed text read in the visitor's time zone, or in the zone they name ("2pm Berlin time",
 *   "2pm EST", "10am CET"): "Thursday at 2pm", "tomorrow at 10" (10 AM: without am/pm 1-7 is
 *   pm, 8-11 am, 12 noon), "3pm" (on a day just offered first, else the next day it is free),
 *   "any time Friday morning" (the first free that morning; morning 8-12, afternoon 12-17,
 *   evening 17-21), "next Monday afternoon" (the free slots that afternoon, or the one if only
 *   one fits), "next week", "9:30 on the 12th", "any time works".
 * A choice without am/pm is never booked outside 07:00-21:00 of the visitor's day. A time that
 * is not free, or a day with several free slots, gives up to `count` alternatives, with the
 * reason: the nearest free slots (within the visitor's waking hours when there are any), oldest
 * first. A choice with no time in it is `unknown`.
 *
 * @example matchChoice(readTimeChoice('the second option', { now, timezone, locale, offered }), { free, offered, now, timezone, locale, count: 3, booking })
 */
export function matchChoice(choice: TimeChoice, ctx: ChoiceContext): ChoiceResult {
  const { free, offered, now, timezone, locale, count, booking } = ctx;
  const isFree = (start: string): FreeSlot | undefined =>
    free.find((s) => Date.parse(s.start) === Date.parse(start));
  for (const start of offered) {
    const slot = isFree(start);
    if (slot && choice.named.includes(start)) return { kind: 'slot', slot };
  }
  const exact = free.find((s) => choice.instant === s.start);
  if (exact) return { kind: 'slot', slot: exact };

  const mine = (s: FreeSlot): DateTime => DateTime.fromISO(s.start, { zone: timezone });
  const awake = (s: FreeSlot): boolean => {
    const from = mine(s);
    const to = DateTime.fromISO(s.end, { zone: timezone });
    return (
      from.hour >= AWAKE.from &&
      (to.hour < AWAKE.to || (to.hour === AWAKE.to && to.minute === 0)) &&
      from.hasSame(to, 'day')
    );
  };
  const nearest = (
    target: DateTime,
    requested: string,
    reason: AlternativesReason,
    preferAwake: boolean,
  ): ChoiceResult => {
    const ms = target.toMillis();
    const pool = preferAwake && free.some(awake) ? free.filter(awake) : free;
    const slots = [...pool]
      .sort((a, b) => Math.abs(Date.parse(a.start) - ms) - Math.abs(Date.parse(b.start) - ms))
      .slice(0, count);
    slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return { kind: 'alternatives', requested, slots, reason };
  };
  /** Why nothing free fits [from, to): past the horizon, nobody working, or taken. */
  const whyNot = (from: DateTime, to: DateTime): AlternativesReason => {
    if (from.toMillis() > horizonEnd(booking, now)) return 'beyond-horizon';
    return worksDuring(booking, from.toMillis(), to.toMillis()) ? 'taken' : 'outside-hours';
  };

  const { wanted, pick } = choice;
  if (pick && (pick.explicit || wanted === null) && !wanted?.day && !wanted?.time) {
    const start = pick.position === -1 ? offered[offered.length - 1] : offered[pick.position - 1];
    if (start === undefined) return { kind: 'unknown' };
    const slot = isFree(start);
    return slot
      ? { kind: 'slot', slot }
      : nearest(
          DateTime.fromISO(start, { zone: timezone }),
          slotLabel(start, timezone, locale),
          'taken',
          true,
        );
  }
  if (wanted === null) return { kind: 'unknown' };

  const local = (s: FreeSlot): DateTime => DateTime.fromISO(s.start, { zone: wanted.zone });
  const dayFits = (d: DateTime): boolean =>
    (wanted.day === null || d.hasSame(wanted.day, 'day')) &&
    (wanted.days === null || (d >= wanted.days.from && d <= wanted.days.to));
  const fitting = free.filter((s) => {
    const d = local(s);
    return (
      dayFits(d) &&
      (wanted.part === null || (d.hour >= wanted.part.from && d.hour < wanted.part.to))
    );
  });

  if (wanted.time !== null) return atTime(wanted.time, wanted);

  const now0 = DateTime.fromJSDate(now, { zone: wanted.zone });
  const dayStart = wanted.day ?? wanted.days?.from ?? now0.startOf('day');
  const target = dayStart.set({ hour: wanted.part?.typical ?? 9 });
  const when = wanted.days
    ? `the week of ${target.setLocale(locale).toFormat('LLL d')}`
    : wanted.day
      ? target.setLocale(locale).toFormat('cccc, LLL d')
      : '';
  const requested =
    [when, wanted.part?.name ?? ''].filter((w) => w !== '').join(' ') || 'that time';
  // Nothing about the hour was said: book only within the visitor's waking hours.
  const bookable = fitting.filter(awake);
  if (fitting.length === 0) {
    const span = wanted.part
      ? {
          from: dayStart.set({ hour: wanted.part.from }),
          to: dayStart.set({ hour: wanted.part.to }),
        }
      : { from: dayStart, to: wanted.days?.to ?? dayStart.endOf('day') };
    return nearest(
      target,
      requested,
      wanted.day || wanted.days || wanted.part ? whyNot(span.from, span.to) : 'taken',
      true,
    );
  }
  if (bookable.length === 0)
    return { kind: 'alternatives', requested, slots: fitting.slice(0, count), reason: 'several' };
  // "The first one on Friday", "first thing Monday": counted within the day, not the list offered.
  const nth =
    pick && (pick.explicit || pick.position === 1)
      ? pick.position === -1
        ? bookable[bookable.length - 1]
        : bookable[pick.position - 1]
      : undefined;
  const first = bookable[0];
  const chosen = nth ?? (first && (bookable.length === 1 || wanted.anyTime) ? first : undefined);
  if (chosen) return { kind: 'slot', slot: chosen };
  return { kind: 'alternatives', requested, slots: bookable.slice(0, count), reason: 'several' };

  /** A wall-clock time, on the day named or else on the first day that has it free (a day just offered first). */
  function atTime(time: NonNullable<RequestedTime['time']>, w: RequestedTime): ChoiceResult {
    const offeredDays = offered.map((o) => DateTime.fromISO(o, { zone: w.zone }));
    // In the visitor's own zone, a time without am/pm outside their waking hours is never booked.
    const allowed = (s: FreeSlot): boolean => !time.ambiguous || w.zoneNamed || awake(s);
    const hits = fitting.filter(
      (s) => local(s).hour === time.hour && local(s).minute === time.minute && allowed(s),
    );
    const hit = hits.find((s) => offeredDays.some((d) => d.hasSame(local(s), 'day'))) ?? hits[0];
    if (hit) return { kind: 'slot', slot: hit };
    const day =
      w.day ?? w.days?.from ?? offeredDays[0] ?? DateTime.fromJSDate(now, { zone: w.zone });
    const target = day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
    const end = target.plus({ minutes: booking.slotMinutes });
    const requestedAt = slotLabel(target.toUTC().toISO() ?? '', timezone, locale);
    // An explicit time at night ("3am") asks for night: the nearest slots then, not the visitor's daytime.
    const targetAwake = awake({
      start: target.toUTC().toISO() ?? '',
      end: end.toUTC().toISO() ?? '',
      repIds: [],
    });
    return nearest(target, requestedAt, whyNot(target, end), time.ambiguous || targetAwake);
  }
}
