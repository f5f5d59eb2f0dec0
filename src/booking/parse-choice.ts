import { DateTime } from 'luxon';
import type { FreeSlot } from './availability.js';
import { slotLabel } from './availability.js';
import { offeredOrdinal } from './offered-ordinal.js';
import { readRequestedTime, type RequestedTime } from './read-requested-time.js';

export type ChoiceResult =
  | { kind: 'slot'; slot: FreeSlot }
  /**
   * The free slots to offer instead: `taken` when the time asked for is not free (the nearest
   * ones), `several` when more than one fits what was asked ("Monday afternoon").
   */
  | { kind: 'alternatives'; requested: string; slots: FreeSlot[]; reason: 'taken' | 'several' }
  | { kind: 'unknown' };

const normalize = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Reads the visitor's choice of meeting time against the free slots and the ones just offered
 * (`offered`: their starts, in quick-reply order):
 * - a quick-reply label or value, or an ISO instant: that slot;
 * - a pick from the list ("the first one", "the second option", "the last one", "option 2");
 * - typed text read in the visitor's time zone: "Thursday at 2pm", "tomorrow at 10" (am/pm
 *   guessed from what is free), "3pm" (on a day just offered first, else the next day it is
 *   free), "any time Friday morning" (the first free that morning), "next Monday afternoon"
 *   (the free slots that afternoon, or the one if only one fits), "next week", "9:30 on the
 *   12th", "2pm EST on Thursday" (a zone named fixes the instant), "any time works".
 * A time that is not free, or a day with several free slots, gives up to `count` alternatives:
 * the nearest free slots, oldest first. Text with no time in it is `unknown`.
 *
 * @example parseChoice('the second option', free, offered, now, 'Asia/Kolkata', 'en-IN', 3)
 */
export function parseChoice(text: string, free: readonly FreeSlot[], offered: readonly string[], now: Date, timezone: string, locale: string, count: number): ChoiceResult {
  const t = normalize(text);
  const isFree = (start: string): FreeSlot | undefined => free.find((s) => Date.parse(s.start) === Date.parse(start));
  for (const start of offered) {
    const slot = isFree(start);
    if (slot && (t === normalize(slotLabel(start, timezone, locale)) || text.trim() === start)) return { kind: 'slot', slot };
  }
  const exact = free.find((s) => text.trim() === s.start);
  if (exact) return { kind: 'slot', slot: exact };

  const local = (s: FreeSlot): DateTime => DateTime.fromISO(s.start, { zone: timezone });
  const nearest = (target: DateTime, requested: string): ChoiceResult => {
    const ms = target.toMillis();
    const slots = [...free].sort((a, b) => Math.abs(Date.parse(a.start) - ms) - Math.abs(Date.parse(b.start) - ms)).slice(0, count);
    slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return { kind: 'alternatives', requested, slots, reason: 'taken' };
  };

  const wanted = readRequestedTime(text, now, timezone);
  const pick = offeredOrdinal(text);
  if (pick && (pick.explicit || wanted === null) && !wanted?.day && !wanted?.time) {
    const start = pick.position === -1 ? offered[offered.length - 1] : offered[pick.position - 1];
    if (start === undefined) return { kind: 'unknown' };
    const slot = isFree(start);
    return slot ? { kind: 'slot', slot } : nearest(DateTime.fromISO(start, { zone: timezone }), slotLabel(start, timezone, locale));
  }
  if (wanted === null) return { kind: 'unknown' };

  const dayFits = (d: DateTime): boolean =>
    (wanted.day === null || d.hasSame(wanted.day, 'day')) && (wanted.days === null || (d >= wanted.days.from && d <= wanted.days.to));
  const fitting = free.filter((s) => {
    const d = local(s);
    return dayFits(d) && (wanted.part === null || (d.hour >= wanted.part.from && d.hour < wanted.part.to));
  });

  if (wanted.time !== null) return atTime(wanted.time, wanted, fitting);

  const target = (wanted.day ?? wanted.days?.from ?? DateTime.fromJSDate(now, { zone: timezone })).set({ hour: wanted.part?.typical ?? 9 });
  const when = wanted.days ? `the week of ${target.setLocale(locale).toFormat('LLL d')}` : wanted.day ? target.setLocale(locale).toFormat('cccc, LLL d') : '';
  const requested = [when, wanted.part?.name ?? ''].filter((w) => w !== '').join(' ') || 'that time';
  if (fitting.length === 0) return nearest(target, requested);
  // "The first one on Friday", "first thing Monday": counted within the day, not the list offered.
  const nth = pick && (pick.explicit || pick.position === 1) ? (pick.position === -1 ? fitting[fitting.length - 1] : fitting[pick.position - 1]) : undefined;
  const first = fitting[0];
  const chosen = nth ?? (first && (fitting.length === 1 || wanted.anyTime) ? first : undefined);
  if (chosen) return { kind: 'slot', slot: chosen };
  return { kind: 'alternatives', requested, slots: fitting.slice(0, count), reason: 'several' };

  /** A wall-clock time, on the day named or else on the first day that has it free. */
  function atTime(time: NonNullable<RequestedTime['time']>, w: RequestedTime, candidates: readonly FreeSlot[]): ChoiceResult {
    // "at 4" is 4 pm in office hours; try the likelier half of the day first.
    const hours = time.ambiguous ? (time.hour < 7 ? [time.hour + 12, time.hour] : [time.hour, time.hour + 12]) : [time.hour];
    // An instant in a zone the visitor named may fall on another day in their own zone.
    const atHour = (h: number) => (w.instant ? free.filter((s) => Date.parse(s.start) === w.instant?.toMillis()) : candidates.filter((s) => local(s).hour === h && local(s).minute === time.minute));
    const offeredDays = offered.map((o) => DateTime.fromISO(o, { zone: timezone }));
    for (const h of hours) {
      const hits = atHour(h);
      const onOffered = hits.find((s) => offeredDays.some((d) => d.hasSame(local(s), 'day')));
      const hit = onOffered ?? hits[0];
      if (hit) return { kind: 'slot', slot: hit };
    }
    const hour = hours[0] ?? time.hour;
    const day = w.day ?? w.days?.from ?? offeredDays[0] ?? DateTime.fromJSDate(now, { zone: timezone });
    const target = w.instant ?? day.set({ hour, minute: time.minute, second: 0, millisecond: 0 });
    return nearest(target, slotLabel(target.toUTC().toISO() ?? '', timezone, locale));
  }
}
