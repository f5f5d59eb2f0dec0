import type { CountryCode } from 'libphonenumber-js';
import type { RuleContext, RuleResult } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';

/** Where a test visitor writes from, and when. */
export type Place = {
  timezone: string;
  locale: string;
  region: CountryCode;
  /** The currency of a bare amount there. */
  currency: string;
  now: string;
};

export const NEW_YORK: Place = {
  timezone: 'America/New_York',
  locale: 'en-US',
  region: 'US',
  currency: 'USD',
  now: '2026-03-10T15:00:00Z',
};
/** In Toronto a bare "$" is the Canadian dollar, "USD" or "US$" the American one. */
export const TORONTO: Place = {
  timezone: 'America/Toronto',
  locale: 'en-CA',
  region: 'CA',
  currency: 'CAD',
  now: '2026-05-04T14:00:00Z',
};
export const BERLIN: Place = {
  timezone: 'Europe/Berlin',
  locale: 'en-GB',
  region: 'DE',
  currency: 'EUR',
  now: '2026-03-10T15:00:00Z',
};
export const AMSTERDAM: Place = {
  timezone: 'Europe/Amsterdam',
  locale: 'nl-NL',
  region: 'NL',
  currency: 'EUR',
  now: '2026-05-04T09:00:00Z',
};

/** What a rule sees for a visitor at `place` after the agent asked for `expecting`. */
export function ruleContextAt(place: Place, expecting: Slot | null): RuleContext {
  return {
    expecting,
    visitor: {
      timezone: place.timezone,
      locale: place.locale,
      page: null,
      referrer: null,
      utm: null,
    },
    now: new Date(place.now),
    region: place.region,
    defaultCurrency: place.currency,
    fiscalYearEndMonth: 12,
  };
}

/** A rule's candidates as one object, path -> value. */
export function fieldsOf(result: RuleResult): Record<string, unknown> {
  return Object.fromEntries(result.candidates.map((c) => [c.path, c.value]));
}
