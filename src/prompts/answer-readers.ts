import type { Config } from '../config/config-schema.js';
import { readTimeChoice } from '../extract/meeting/read-time-choice.js';
import { yesOrNo } from '../extract/meeting/yes-or-no.js';
import { extractWithRules } from '../extract/rules/rules-extractor.js';
import { applyCandidates, type Provenance } from '../lead/lead-record.js';
import { missingFields, SLOT_FIELDS, type QualifyingSlot } from '../lead/slots.js';
import { DEFAULT_VISITOR } from '../lead/visitor.js';
import type { TemplateName } from './template-vars.js';

/** How the agent reads the visitor's answer to a template that asks something. */
export type AnswerReader = {
  /** What the answer must be, in the words of a problem message ("an answer for the budget slot"). */
  fills: string;
  /** True when the rules read `text` as an answer (or a clear refusal) to this question. */
  understands(text: string, config: Pick<Config, 'fiscalYearEndMonth'>): boolean;
};

/** A fixed clock: the check's verdict must not depend on the day it runs. */
const NOW = '2026-03-03T15:00:00.000Z';

/**
 * The rules extractor on a first answer (empty lead, the slot just asked): the slot is filled
 * (for company and contact, at least one of their two fields: the agent then asks only for the
 * other), or the visitor declined it (the agent then moves on instead of asking again).
 */
function slotReader(slot: QualifyingSlot): AnswerReader {
  return {
    fills: `an answer for the ${slot} slot`,
    understands(text, config) {
      const input = { text, expecting: slot, lead: {}, visitor: DEFAULT_VISITOR, now: NOW };
      const extraction = extractWithRules({ ...input, recent: [] }, config);
      const from: Provenance = { source: 'rules', messageId: 'check', at: NOW };
      const { lead } = applyCandidates({}, extraction.candidates, from);
      // A slot of two fields is asked again only for the one still missing: one is progress.
      const progress = missingFields(lead, slot).length < SLOT_FIELDS[slot].length;
      return progress || extraction.signals.declined;
    },
  };
}

/** A yes or no, as the consent question and the cancel confirmation read it. */
const YES_OR_NO: AnswerReader = {
  fills: 'a yes or a no',
  understands: (text) => yesOrNo(text) !== null,
};

/** A day, a time or a pick from the times offered, as the booking question reads it. */
const MEETING_TIME: AnswerReader = {
  fills: 'a meeting time',
  understands(text) {
    const ctx = { now: new Date(NOW), timezone: 'UTC', locale: 'en-US', offered: [] };
    const choice = readTimeChoice(text, ctx);
    return choice.wanted !== null || choice.pick !== null;
  },
};

/**
 * The templates whose quick replies and sample answers are run through the agent's readers.
 * Other templates ask nothing the agent must read back.
 * @example ANSWER_READERS['ask-budget']?.understands('Over $20k a year', config) // true
 */
export const ANSWER_READERS: Partial<Record<TemplateName, AnswerReader>> = {
  'ask-need': slotReader('need'),
  'ask-authority': slotReader('authority'),
  'ask-company': slotReader('company'),
  'ask-budget': slotReader('budget'),
  'ask-timeline': slotReader('timeline'),
  'ask-contact': slotReader('contact'),
  'ask-booking': MEETING_TIME,
  'ask-consent': YES_OR_NO,
  'confirm-cancel': YES_OR_NO,
};
