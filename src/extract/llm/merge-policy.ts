import type { Candidate, FieldPath } from '../../lead/field-paths.js';
import type { Slot } from '../../lead/slots.js';
import { findMoney } from '../rules/money.js';
import { NUMBER_WORDS_SOURCE } from '../rules/number-words.js';
import { normalizeForMatch } from './evidence.js';
import { writesNumber } from './written-numbers.js';

/** Which reading a field keeps when the rules and the model read different values. */
export type OnDisagreement =
  /** The rules' exact parser (regex, libphonenumber-js): both values are quoted, the parser is exact. */
  | 'rules'
  /** The value its evidence writes completely (digits with their magnitude, a named currency); a tie goes to the model. */
  | 'evidence'
  /** The model's: it reads the whole message (corrections, negations, a resolved date). */
  | 'llm';

/** One row of the merge policy (README "LLM mode", "The merge policy"). */
export type FieldPolicy = {
  onDisagreement: OnDisagreement;
  /**
   * True when a rules value read from an answer to another question (the opening still counts)
   * does not beat the model's empty answer.
   */
  askedOnly: boolean;
  reason: string;
};

/**
 * The merge policy, one row per field: decided by evidence, not by source. The model's values
 * here have already passed the value checks (`toCandidates`: quoted from the visitor's message,
 * numbers written in their evidence), so a model that invents never reaches this table.
 */
export const MERGE_POLICY: Record<FieldPath, FieldPolicy> = {
  'contact.email': {
    onDisagreement: 'rules',
    askedOnly: false,
    reason: 'an exact format: the regex reads it whole, and the model must quote it',
  },
  'contact.phone': {
    onDisagreement: 'rules',
    askedOnly: false,
    reason: "an exact format: libphonenumber-js reads it in the visitor's region",
  },
  'contact.name': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'both must be quoted; the model tells a name from the words around it',
  },
  'company.name': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'both must be quoted; the model tells a name from the words around it',
  },
  'company.size': {
    onDisagreement: 'evidence',
    askedOnly: false,
    reason:
      'the count its evidence writes; of two written counts ("300, wait, the US company is 180") the model reads the correction',
  },
  'company.industry': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'language: the rules only know a word list',
  },
  'authority.role': {
    onDisagreement: 'llm',
    askedOnly: true,
    reason:
      'language; a role the rules took from a message that answers another question ("studying how chat agents qualify leads") is no title',
  },
  'authority.level': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'language: who signs is said in many ways',
  },
  'budget.amount': {
    onDisagreement: 'evidence',
    askedOnly: false,
    reason:
      'the amount its evidence writes whole: "₹2.5L" is 250,000, not 2.5; of two written amounts the model reads which one is the budget',
  },
  'budget.currency': {
    onDisagreement: 'evidence',
    askedOnly: false,
    reason: 'a currency the visitor named or symbolised beats one guessed from the region',
  },
  'budget.period': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'the model reads corrections and negations ("I meant per year, not per month")',
  },
  'budget.status': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'language: "nothing allocated yet" against an amount',
  },
  'need.summary': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: "language; stored as the visitor's own words either way",
  },
  'timeline.targetDate': {
    onDisagreement: 'llm',
    askedOnly: true,
    reason: 'a date the model resolved against today; the bucket goes with it',
  },
  'timeline.bucket': {
    onDisagreement: 'llm',
    askedOnly: true,
    reason:
      'computed by code from the model\'s resolved date; a timeline the rules read from a message about something else ("too busy in summer") is not a plan',
  },
  'intent.demo': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'language: a request for a call is phrased many ways',
  },
  'consent.contact': {
    onDisagreement: 'llm',
    askedOnly: false,
    reason: 'language: yes and no are phrased many ways',
  },
};

/** The slot whose question the asked-only fields answer. */
const SLOT_OF: Partial<Record<FieldPath, Slot>> = {
  'authority.role': 'authority',
  'timeline.targetDate': 'timeline',
  'timeline.bucket': 'timeline',
};

/** Words a head count can be read from: a number in digits or words, or the visitor alone ("just me"). */
const COUNT_WORDS = new RegExp(`\\d|\\b(?:${NUMBER_WORDS_SOURCE}|me|myself|solo|alone)\\b`, 'i');

/** How completely a value's evidence reads it: 2 whole, 1 part or guessed, 0 not at all. */
export function reading(c: Candidate): number {
  switch (c.path) {
    case 'company.size':
      return writesNumber(c.value, c.evidence, 0.1) ? 2 : 0;
    case 'budget.amount':
      return writesNumber(c.value, c.evidence, 0.01) ? 2 : 0;
    case 'budget.currency': {
      const named =
        findMoney(c.evidence).some((m) => m.currency === c.value) ||
        ` ${normalizeForMatch(c.evidence)} `.includes(` ${c.value.toLowerCase()} `);
      return named ? 2 : 1;
    }
    default:
      return 2;
  }
}

/**
 * Who wins a field both sources read differently, by MERGE_POLICY.
 * @example disagreementWinner(rules2_5, model250000) // 'llm': "₹2.5L" writes 250,000
 */
export function disagreementWinner(rules: Candidate, llm: Candidate): 'rules' | 'llm' {
  const rule = MERGE_POLICY[rules.path].onDisagreement;
  if (rule !== 'evidence') return rule;
  return reading(rules) > reading(llm) ? 'rules' : 'llm';
}

/**
 * Whether the rules' value stands when the model, asked about the same message, left the
 * field empty: not when its evidence does not write it (a number it does not contain), nor,
 * for fields answered only when asked, when the message answered another question.
 * @example rulesStandAlone(roleFromNeedAnswer, 'need') // false
 */
export function rulesStandAlone(rules: Candidate, expecting: Slot | null): boolean {
  if (rules.path === 'budget.amount' && reading(rules) === 0) return false;
  // A count may be read from words that write no number ("just me and two part-timers"), not from none.
  if (rules.path === 'company.size' && !COUNT_WORDS.test(rules.evidence)) return false;
  const slot = SLOT_OF[rules.path];
  const another = expecting !== null && expecting !== slot;
  return !(MERGE_POLICY[rules.path].askedOnly && slot !== undefined && another);
}
