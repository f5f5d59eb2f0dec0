import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { candidate, type Candidate, type FieldPath } from '../../lead/field-paths.js';
import type { Visitor } from '../../lead/visitor.js';
import type { Extraction } from '../extractor.js';
import { parseMoney } from '../rules/money.js';
import { currencyForRegion, regionFor } from '../rules/region.js';
import { bucketFor, parseIsoDate } from '../rules/timeline-bucket.js';
import { isQuoted } from './evidence.js';
import type { LlmExtraction } from './extraction-schema.js';
import { writesNumber } from './written-numbers.js';

/** Why a proposed value did not reach the record. */
export type RejectReason =
  /** Its evidence is not in the visitor's message: invented, or planted by an injection. */
  | 'not_quoted'
  /** The value itself (a name, an email) is not in the message, or a number has no number in its evidence. */
  | 'not_said'
  /** It fails the field's schema or normalizer (bad email, impossible phone, unknown currency). */
  | 'invalid';
export type Rejection = { path: string; reason: RejectReason };

export type ProposalContext = { text: string; visitor: Visitor; now: Date };

type Said<T> = { value: T; evidence: string } | null;

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * A budget must be one of the amounts its evidence writes, in any form: digits, number words,
 * a magnitude suffix the rules may not know ("₹2.5L a month" is 250,000; "5k a year" is 5,000,
 * not 500,000). A number written nowhere in the evidence is invented.
 */
const amountMatches = (value: number, evidence: string): boolean =>
  writesNumber(value, evidence, 0.01);

/** A head count must be one of the numbers its evidence writes ("1.2k staff", "320 people", "fifty"). */
const countMatches = (value: number, evidence: string): boolean =>
  writesNumber(value, evidence, 0.1);

/**
 * An ISO 4217 code from what the model wrote: a code ("usd"), a symbol ("€", "A$") or a word
 * ("euros"). Symbols and words go through the rules' money parser so both modes read
 * currencies alike; null when nothing known.
 */
export function toIsoCurrency(raw: string): string | null {
  const text = raw.trim();
  const code = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code)) return code;
  return parseMoney(`${text}100`)?.currency ?? parseMoney(`100 ${text}`)?.currency ?? null;
}

/**
 * Turns the model's proposals for one message into candidates, through the same field schemas
 * and normalizers as the rules (`candidate()`: lower-cased email, E.164 phone in the visitor's
 * region, ISO currency). Every value must quote the visitor's message (`isQuoted`); names and
 * emails must appear in it themselves, and numbers must be ones it writes. The timeline bucket is computed here from the returned
 * date, never taken from the model; a bare amount gets the region's currency, as in rules mode.
 * need.summary stores the quoted words, so the record keeps the visitor's own words.
 *
 * @example
 *   toCandidates(out, { text: 'We have about 40k a year', visitor, now }).extraction.candidates
 *   // [{ path: 'budget.amount', value: 40000, ... }, { path: 'budget.currency', value: 'USD', ... }, ...]
 */
export function toCandidates(
  out: LlmExtraction,
  ctx: ProposalContext,
): { extraction: Extraction; rejected: Rejection[] } {
  const region = regionFor(ctx.visitor);
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  const has = (path: FieldPath): boolean => candidates.some((c) => c.path === path);

  /** Checks one proposal; `normalize` returns the value to validate, or undefined to reject it as invalid. */
  function propose<T>(
    path: FieldPath,
    said: Said<T>,
    opts: {
      quoteValue?: boolean;
      numeric?: (value: T, evidence: string) => boolean;
      normalize?: (v: T) => unknown;
    } = {},
  ): void {
    if (said === null) return;
    const { value, evidence } = said;
    if (!isQuoted(evidence, ctx.text)) return void rejected.push({ path, reason: 'not_quoted' });
    if (opts.quoteValue && !isQuoted(String(value), ctx.text))
      return void rejected.push({ path, reason: 'not_said' });
    if (opts.numeric && !opts.numeric(value, evidence))
      return void rejected.push({ path, reason: 'not_said' });
    const normalized = opts.normalize ? opts.normalize(value) : value;
    const c = normalized === undefined ? null : candidate(path, normalized, evidence);
    if (c === null) return void rejected.push({ path, reason: 'invalid' });
    candidates.push(c);
  }

  propose('contact.name', out.contact.name, { quoteValue: true });
  propose('contact.email', out.contact.email, {
    quoteValue: true,
    normalize: (v) => v.trim().toLowerCase(),
  });
  propose('contact.phone', out.contact.phone, {
    normalize: (v) => {
      const phone = parsePhoneNumberFromString(v, region);
      // The number's own digits must be in the quote, so a model cannot attach a real quote to another number.
      const digits = out.contact.phone?.evidence.replace(/\D/g, '') ?? '';
      return phone?.isPossible() && digits.includes(phone.nationalNumber)
        ? phone.number
        : undefined;
    },
  });
  propose('company.name', out.company.name, { quoteValue: true });
  propose('company.size', out.company.size, {
    numeric: countMatches,
    normalize: (v) => Math.round(v),
  });
  propose('company.industry', out.company.industry);
  propose('authority.role', out.authority.role, { quoteValue: true });
  propose('authority.level', out.authority.level);

  propose('budget.amount', out.budget.amount, { numeric: amountMatches });
  propose('budget.currency', out.budget.currency, {
    normalize: (v) => toIsoCurrency(v) ?? undefined,
  });
  propose('budget.period', out.budget.period);
  const amount = candidates.find((c) => c.path === 'budget.amount');
  if (amount) {
    if (!has('budget.currency'))
      pushIfValid('budget.currency', currencyForRegion(region), amount.evidence);
    pushIfValid('budget.status', 'stated', amount.evidence);
  } else {
    propose('budget.status', out.budget.status);
  }

  // Stored as the quote itself: the visitor's own words, not the model's paraphrase.
  const need = out.need.summary;
  if (need !== null) propose('need.summary', { value: need.evidence, evidence: need.evidence });

  const date = out.timeline.targetDate;
  if (date !== null && parseIsoDate(date.value.trim()) !== null) {
    propose('timeline.targetDate', { value: date.value.trim(), evidence: date.evidence });
    const target = candidates.find((c) => c.path === 'timeline.targetDate');
    if (target)
      pushIfValid(
        'timeline.bucket',
        bucketFor(String(target.value), ctx.now, ctx.visitor.timezone),
        target.evidence,
      );
  } else if (date !== null) {
    rejected.push({ path: 'timeline.targetDate', reason: 'invalid' });
  }
  if (!has('timeline.bucket') && out.timeline.noPlan?.value === true)
    propose('timeline.bucket', { value: 'none', evidence: out.timeline.noPlan.evidence });

  // Not asking for a demo in this message is no statement about demos: only "yes" is kept.
  if (out.intent.demo?.value === true) propose('intent.demo', out.intent.demo);
  propose('consent.contact', out.consent.contact);

  const question = out.signals.question?.trim() ?? '';
  return {
    extraction: {
      candidates,
      signals: {
        declined: out.signals.declined,
        wantsHuman: out.signals.wantsHuman,
        question: question === '' ? null : question.slice(0, 500),
      },
    },
    rejected,
  };

  function pushIfValid(path: FieldPath, value: unknown, evidence: string): void {
    const c = candidate(path, value, evidence);
    if (c) candidates.push(c);
  }
}
