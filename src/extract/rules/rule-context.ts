import type { CountryCode } from 'libphonenumber-js';
import type { Candidate } from '../../lead/field-paths.js';
import type { Slot } from '../../lead/slots.js';
import type { Visitor } from '../../lead/visitor.js';

/** What every rule sees besides the text. */
export type RuleContext = {
  /** The slot the agent asked just before this message (answers may then be bare: "around 40k", "June"). */
  expecting: Slot | null;
  visitor: Visitor;
  /** The conversation's clock. */
  now: Date;
  /** The visitor's country (ISO 3166 alpha-2) from their time zone, else their locale, else undefined. */
  region: CountryCode | undefined;
  /** Currency assumed for a bare amount ("around 40k") answering the budget question. */
  defaultCurrency: string;
  /** Month (1-12) the fiscal year ends, for "end of fiscal year". */
  fiscalYearEndMonth: number;
  /** What the visitor said in the recent turns before this message (for cues that span answers). */
  earlier?: string;
};

/** What one rule module returns. */
export type RuleResult = {
  candidates: Candidate[];
  /** The visitor answered the slot this rule covers with "no value" (no idea, not applicable). */
  declined?: boolean;
};
