import { z } from 'zod';
import { visibleText } from '../lib/visible-text.js';

/** The authority levels of the lead record (DESIGN.md "The lead record"). */
export const AUTHORITY_LEVELS = ['decision_maker', 'influencer', 'researcher'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const BUDGET_PERIODS = ['monthly', 'yearly', 'one_time'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const TIMELINE_BUCKETS = ['immediate', 'quarter', 'half', 'year', 'later', 'none'] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];

/**
 * Visitor words as a field keeps them: without NUL, other controls and bidirectional overrides
 * (`visibleText`), so the name on an invite, a booking page or a CRM record is the one the
 * visitor saw themselves type; a value that was nothing else is refused.
 */
const said = (max: number) =>
  z.string().transform(visibleText).pipe(z.string().trim().min(1).max(max));

/**
 * One zod schema per field path: the single place that says what a valid value is.
 * Every extractor (rules or LLM) goes through these before a value reaches the record.
 */
export const FIELD_SCHEMAS = {
  'contact.name': said(120),
  'contact.email': z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase()),
  'contact.phone': z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone must be E.164'),
  'company.name': said(160),
  'company.size': z.number().int().positive().max(10_000_000),
  'company.industry': said(120),
  'authority.role': said(160),
  'authority.level': z.enum(AUTHORITY_LEVELS),
  'budget.amount': z.number().positive().max(1e12),
  'budget.currency': z.string().regex(/^[A-Z]{3}$/, 'currency must be ISO 4217'),
  'budget.period': z.enum(BUDGET_PERIODS),
  'budget.status': z.enum(['stated', 'none']),
  'need.summary': said(1000),
  'timeline.targetDate': z.iso.date(),
  'timeline.bucket': z.enum(TIMELINE_BUCKETS),
  'intent.demo': z.boolean(),
  'consent.contact': z.boolean(),
} as const;

export type FieldPath = keyof typeof FIELD_SCHEMAS;
export type FieldValue<P extends FieldPath> = z.output<(typeof FIELD_SCHEMAS)[P]>;
export type FieldValues = { [P in FieldPath]: FieldValue<P> };

// Object.keys loses the key type; FIELD_SCHEMAS is a literal object, so every key is a FieldPath.
export const FIELD_PATHS = Object.keys(FIELD_SCHEMAS) as FieldPath[];

export function isFieldPath(s: string): s is FieldPath {
  return Object.hasOwn(FIELD_SCHEMAS, s);
}

/**
 * A proposed value for one field, with the visitor's words it came from. `source` says which
 * extractor found it when an extraction merges several (LLM mode also runs the rules).
 */
export type Candidate = {
  [P in FieldPath]: { path: P; value: FieldValue<P>; evidence: string; source?: 'rules' | 'llm' };
}[FieldPath];

/** Builds a candidate, checking the value against the field's schema; null when invalid. */
export function candidate<P extends FieldPath>(
  path: P,
  value: unknown,
  evidence: string,
): Candidate | null {
  const parsed = FIELD_SCHEMAS[path].safeParse(value);
  if (!parsed.success) return null;
  // The mapped type cannot be narrowed generically; the schema lookup above is the proof.
  return {
    path,
    value: parsed.data,
    evidence: visibleText(evidence).trim().slice(0, 500),
  } as Candidate;
}
