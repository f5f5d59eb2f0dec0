import { z } from 'zod';

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

export const DEFAULT_VISITOR: Visitor = { timezone: 'UTC', locale: 'en-US', page: null, referrer: null, utm: null };

const knownZones = new Map<string, boolean>();

/**
 * Whether `tz` is an IANA time zone this runtime knows. Remembered per zone name: it runs on
 * every stored read, and building an Intl.DateTimeFormat to find out costs tens of microseconds.
 */
export function isTimeZone(tz: string): boolean {
  const known = knownZones.get(tz);
  if (known !== undefined) return known;
  let ok = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    ok = false;
  }
  if (knownZones.size < 10_000) knownZones.set(tz, ok);
  return ok;
}

/** The path of the visitor's page ("/pricing"), or "" when unknown or not a URL. */
export function pagePath(visitor: Visitor): string {
  if (!visitor.page) return '';
  try {
    return new URL(visitor.page, 'http://x').pathname;
  } catch {
    return '';
  }
}
