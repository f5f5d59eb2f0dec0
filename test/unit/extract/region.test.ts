import { describe, expect, it } from 'vitest';
import { currencyForRegion, regionFor } from '../../../src/extract/rules/region.js';

describe('regionFor', () => {
  it.each([
    ['Europe/Berlin', 'de-DE', 'DE'],
    ['Asia/Kolkata', 'en-IN', 'IN'],
    ['Asia/Calcutta', 'en-US', 'IN'],
    ['America/Toronto', 'fr-CA', 'CA'],
    ['America/Phoenix', 'en-US', 'US'],
    ['Australia/Sydney', 'en-AU', 'AU'],
    ['Europe/London', 'en-US', 'GB'],
    ['Europe/Berlin', 'sv-SE', 'SE'],
    ['UTC', 'en-GB', 'GB'],
  ])(
    'when the time zone is %s and the locale %s, then the region is %s',
    (timezone, locale, region) => {
      expect(regionFor({ timezone, locale })).toBe(region);
    },
  );

  it.each([
    ['UTC', 'en'],
    ['UTC', 'not a locale'],
  ])('when neither %s nor "%s" names a country, then the region is unknown', (timezone, locale) => {
    expect(regionFor({ timezone, locale })).toBeUndefined();
  });
});

describe('currencyForRegion', () => {
  it.each([
    ['US', 'USD'],
    ['GB', 'GBP'],
    ['DE', 'EUR'],
    ['FR', 'EUR'],
    ['IE', 'EUR'],
    ['IN', 'INR'],
    ['CA', 'CAD'],
    ['AU', 'AUD'],
    ['CH', 'CHF'],
    ['ZZ', 'USD'],
    [undefined, 'USD'],
  ])('when the region is %s, then a bare amount is in %s', (region, currency) => {
    expect(currencyForRegion(region)).toBe(currency);
  });
});
