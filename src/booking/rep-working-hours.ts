import { DateTime } from 'luxon';
import type { BookingConfig } from '../config/config-schema.js';

export type Rep = BookingConfig['reps'][number];
/** A span of epoch milliseconds, [from, to). */
export type Span = { from: number; to: number };

/** "09:30" -> { hour: 9, minute: 30 }. */
export function clockTime(hhmm: string): { hour: number; minute: number } {
  const [hour, minute] = hhmm.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

/**
 * The rep's working hours between two instants, one span per working day, oldest first: their
 * own time zone, weekdays and hours where configured, else the company's, skipping configured
 * holidays (a date read in the rep's own zone: a Berlin rep's 25 December is Berlin's). Each
 * day's hours are built on that day's wall clock by luxon, so daylight-saving changes on
 * either side of the Atlantic land where they should.
 *
 * @example repWorkingHours({ id: 'lena', name: 'Lena', email: 'lena@beacon.example', timezone: 'Europe/Berlin' }, cfg, from, to)
 */
export function repWorkingHours(
  rep: Rep,
  cfg: BookingConfig,
  fromMs: number,
  toMs: number,
): Span[] {
  const zone = rep.timezone ?? cfg.timezone;
  const weekdays = rep.weekdays ?? cfg.weekdays;
  const hours = rep.hours ?? cfg.hours;
  const open = clockTime(hours.start);
  const close = clockTime(hours.end);
  const out: Span[] = [];
  let day = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  for (; day.toMillis() < toMs; day = day.plus({ days: 1 })) {
    if (!weekdays.includes(day.weekday) || cfg.holidays.includes(day.toISODate() ?? '')) continue;
    const from = day.set(open).toMillis();
    const to = day.set(close).toMillis();
    if (to > from && to > fromMs) out.push({ from, to });
  }
  return out;
}
