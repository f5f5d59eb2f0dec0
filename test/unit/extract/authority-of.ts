import { authorityRule } from '../../../src/extract/rules/authority-rule.js';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';

/** A rule context for a US visitor on a fixed clock, with the slot just asked. */
export function ctx(expecting: Slot | null): RuleContext {
  return {
    expecting,
    visitor: DEFAULT_VISITOR,
    now: new Date('2026-03-02T15:00:00Z'),
    region: 'US',
    defaultCurrency: 'USD',
    fiscalYearEndMonth: 12,
  };
}

/** The role and level the authority rule finds in one message (null when none). */
export function authorityOf(
  text: string,
  expecting: Slot | null,
): { role: unknown; level: unknown } {
  const { candidates } = authorityRule(text, ctx(expecting));
  return {
    role: candidates.find((c) => c.path === 'authority.role')?.value ?? null,
    level: candidates.find((c) => c.path === 'authority.level')?.value ?? null,
  };
}
