import { DateTime } from 'luxon';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { isTimeZone } from '../lead/visitor.js';

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const ReportDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d, { zone: 'UTC' }).isValid, 'is not a day of the calendar');

/** The days a report covers, both included, in the company's time zone. */
export type ReportPeriod = { from: string; to: string; timezone: string };

/**
 * Checks a report's period: two real days in order and a known IANA time zone; anything else
 * is AppError('BAD_REQUEST') naming what is wrong.
 *
 * @example checkPeriod({ from: '2026-01-01', to: '2026-01-31', timezone: 'America/New_York' })
 */
export function checkPeriod(period: ReportPeriod): ReportPeriod {
  for (const key of ['from', 'to'] as const) {
    const day = ReportDaySchema.safeParse(period[key]);
    if (!day.success)
      throw new AppError(
        'BAD_REQUEST',
        `--${key} ${JSON.stringify(period[key].slice(0, 40))} ${day.error.issues[0]?.message ?? 'is invalid'}`,
      );
  }
  if (period.from > period.to)
    throw new AppError('BAD_REQUEST', `--from ${period.from} is after --to ${period.to}`);
  if (!isTimeZone(period.timezone))
    throw new AppError('BAD_REQUEST', `unknown time zone ${JSON.stringify(period.timezone)}`);
  return period;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day an instant falls on in `timezone` (a conversation belongs to the day it started).
 * One formatter per time zone, kept: a report reads it for every conversation.
 *
 * @example localDay('2026-01-01T03:00:00.000Z', 'America/New_York') // '2025-12-31'
 */
export function localDay(iso: string, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timezone, format);
  }
  return format.format(Date.parse(iso));
}
