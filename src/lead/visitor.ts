import { z } from 'zod';
import { createBoundedMemo } from '../lib/bounded-memo.js';
import type { VisitorCaps } from '../config/limits-schema.js';

const short = z.string().max(2048);

/** What the widget reports at `session:hello` (DESIGN.md "Socket protocol"). */
export const VisitorSchema = z.object({
  timezone: z
    .string()
    .max(64)
    .refine((tz) => isTimeZone(tz), 'unknown IANA time zone')
    .default('UTC'),
  locale: z.string().max(35).default('en-US'),
  page: short.nullable().default(null),
  referrer: short.nullable().default(null),
  utm: z.record(z.string().max(64), z.string().max(256)).nullable().default(null),
});
export type Visitor = z.output<typeof VisitorSchema>;

/**
 * The visitor a `session:hello` may declare, within the caps of config `limits.visitor`: a
 * hello over them is refused with the field named, before anything is stored.
 *
 * @example cappedVisitorSchema(config.limits.visitor).safeParse(payload.visitor)
 */
export function cappedVisitorSchema(caps: VisitorCaps) {
  const url = z
    .string()
    .max(caps.urlChars, `at most ${caps.urlChars} characters`)
    .nullable()
    .default(null);
  const utm = z
    .record(
      z.string().max(caps.utmKeyChars, `UTM names of at most ${caps.utmKeyChars} characters`),
      z.string().max(caps.utmValueChars, `at most ${caps.utmValueChars} characters`),
    )
    .refine((u) => Object.keys(u).length <= caps.utmKeys, `at most ${caps.utmKeys} UTM parameters`);
  return VisitorSchema.extend({ page: url, referrer: url, utm: utm.nullable().default(null) });
}

export const DEFAULT_VISITOR: Visitor = {
  timezone: 'UTC',
  locale: 'en-US',
  page: null,
  referrer: null,
  utm: null,
};

const knownZones = createBoundedMemo<string, boolean>(10_000);

/**
 * Whether `tz` is an IANA time zone this runtime knows. Remembered per zone name: it runs on
 * every stored read, and building an Intl.DateTimeFormat to find out costs tens of microseconds.
 */
export function isTimeZone(tz: string): boolean {
  return knownZones.get(tz, () => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The path of the visitor's page ("/pricing"), or "" when unknown or not an absolute http(s)
 * URL: a `javascript:` or `data:` "page" (or one stored before pages were checked) scores nothing.
 */
export function pagePath(visitor: Visitor): string {
  if (!visitor.page) return '';
  try {
    const url = new URL(visitor.page);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.pathname : '';
  } catch {
    return '';
  }
}
