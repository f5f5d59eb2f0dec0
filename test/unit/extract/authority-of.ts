import { authorityRule } from '../../../src/extract/rules/authority-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { NEW_YORK, ruleContextAt } from './rule-context-at.js';

/** The role and level the authority rule finds in one message (null when none). */
export function authorityOf(
  text: string,
  expecting: Slot | null,
): { role: unknown; level: unknown } {
  const { candidates } = authorityRule(text, ruleContextAt(NEW_YORK, expecting));
  return {
    role: candidates.find((c) => c.path === 'authority.role')?.value ?? null,
    level: candidates.find((c) => c.path === 'authority.level')?.value ?? null,
  };
}
