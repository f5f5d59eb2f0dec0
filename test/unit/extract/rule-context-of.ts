import type { CountryCode } from 'libphonenumber-js';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';

/** A rule context for a visitor in `region` (US unless said) on a fixed clock, with the slot just asked. */
export function ctx(expecting: Slot | null, region: CountryCode | undefined = 'US'): RuleContext {
  return {
    expecting,
    visitor: DEFAULT_VISITOR,
    now: new Date('2026-03-02T15:00:00Z'),
    region,
    defaultCurrency: 'USD',
    fiscalYearEndMonth: 12,
  };
}
