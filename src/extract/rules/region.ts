import { getCountriesForTimezone, getCountryForTimezone } from 'countries-and-timezones';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import type { Visitor } from '../../lead/visitor.js';
import { createBoundedMemo } from '../../lib/bounded-memo.js';

function localeRegion(locale: string): string | undefined {
  try {
    // No maximize(): a bare "en" names no country, and guessing one would invent a region.
    return new Intl.Locale(locale).region;
  } catch {
    return undefined;
  }
}

/**
 * The visitor's country (ISO 3166 alpha-2) for phone parsing and currency defaults: from the
 * time zone (countries-and-timezones), preferring the locale's region when the zone is shared
 * by several countries (Europe/Berlin with sv-SE is Sweden), else the locale's region alone.
 * @example regionFor({ ...visitor, timezone: 'Asia/Kolkata' }) // 'IN'
 */
export function regionFor(visitor: Pick<Visitor, 'timezone' | 'locale'>): CountryCode | undefined {
  // Every message asks again for the same few visitors; the answer depends on the two strings only.
  return regions.get(`${visitor.timezone}|${visitor.locale}`, () => computeRegion(visitor));
}

const regions = createBoundedMemo<string, CountryCode | undefined>(5_000);

function computeRegion(visitor: Pick<Visitor, 'timezone' | 'locale'>): CountryCode | undefined {
  const fromLocale = localeRegion(visitor.locale);
  const zoneCountries: string[] = getCountriesForTimezone(visitor.timezone).map((c) => c.id);
  const fromZone = getCountryForTimezone(visitor.timezone)?.id;
  // A zone such as UTC has no country; only then does a bare locale decide on its own.
  const pick =
    fromLocale !== undefined && zoneCountries.includes(fromLocale)
      ? fromLocale
      : (fromZone ?? fromLocale);
  return pick !== undefined && isSupportedCountry(pick) ? pick : undefined;
}

/** Countries that pay in euros: the euro area, then the other places that use the euro. */
const EURO_COUNTRIES = new Set([
  ...'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' '),
  ...'AD MC SM VA ME XK GP MQ GF RE YT PM BL MF AX'.split(' '),
]);

// Hand-written: none of the installed packages maps a country to its currency, and the agent
// only needs the common ones; anything else falls back to USD like an unknown region does.
const NATIONAL_CURRENCIES: Readonly<Record<string, string>> = {
  US: 'USD',
  GB: 'GBP',
  GG: 'GBP',
  JE: 'GBP',
  IM: 'GBP',
  IN: 'INR',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  LI: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  JP: 'JPY',
  SG: 'SGD',
  HK: 'HKD',
  ZA: 'ZAR',
  BR: 'BRL',
  MX: 'MXN',
  AE: 'AED',
  CN: 'CNY',
  KR: 'KRW',
  IL: 'ILS',
  TR: 'TRY',
  PH: 'PHP',
  MY: 'MYR',
  ID: 'IDR',
  TH: 'THB',
  NG: 'NGN',
  KE: 'KES',
  PK: 'PKR',
  BD: 'BDT',
  SA: 'SAR',
  EG: 'EGP',
};

/**
 * The currency a bare amount is assumed to be in for a visitor from `region`
 * (US -> USD, GB -> GBP, euro countries -> EUR, IN -> INR, ...); USD when unknown.
 */
export function currencyForRegion(region: string | undefined): string {
  if (region === undefined) return 'USD';
  if (EURO_COUNTRIES.has(region)) return 'EUR';
  return NATIONAL_CURRENCIES[region] ?? 'USD';
}
