import { getCountryForTimezone } from 'countries-and-timezones';
import type { CountryCode } from 'libphonenumber-js';
import { expect, it } from 'vitest';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import { timelineRule } from '../../../src/extract/rules/timeline-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { fieldsOf, ruleContextAt } from './rule-context-at.js';

/**
 * A rule context for a visitor in `timezone` (US English in the Americas, else British) at
 * `now`, in the zone's country.
 */
export function timelineContext(
  expecting: Slot | null,
  timezone: string,
  now: string,
  fiscalYearEndMonth = 12,
): RuleContext {
  const us = timezone.startsWith('America/');
  const region = (getCountryForTimezone(timezone)?.id ?? 'US') as CountryCode;
  const place = { timezone, locale: us ? 'en-US' : 'en-GB', region, currency: 'USD', now };
  return { ...ruleContextAt(place, expecting), fiscalYearEndMonth };
}

/** The timeline fields the rule takes from one message, by path. */
export function timelineOf(text: string, ctx: RuleContext): Record<string, unknown> {
  return fieldsOf(timelineRule(text, ctx));
}

/**
 * A message and the target it names: [text, date, bucket], optionally with the visitor's time
 * zone and the slot asked when it is not the default.
 */
export type TargetCase = readonly [
  text: string,
  date: string,
  bucket: string,
  where?: { tz?: string; expecting?: Slot | null },
];

/**
 * One test a case: the message, read with `context(expecting, tz)`, gives the target date and
 * its bucket. The slot asked defaults to the timeline question.
 */
export function itReadsTargets(
  cases: readonly TargetCase[],
  context: (expecting: Slot | null, tz?: string) => RuleContext,
): void {
  const rows = cases.map(([text, date, bucket, where]) => ({ text, date, bucket, ...where }));
  it.each(rows)(
    'when the visitor says $text, then the target is $date ($bucket)',
    ({ text, date, bucket, tz, expecting }) => {
      const read = timelineOf(text, context(expecting === undefined ? 'timeline' : expecting, tz));
      expect(read).toEqual({ 'timeline.targetDate': date, 'timeline.bucket': bucket });
    },
  );
}
