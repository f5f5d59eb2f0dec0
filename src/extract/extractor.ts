import type { Candidate } from '../lead/field-paths.js';
import type { Lead } from '../lead/lead-record.js';
import type { Slot } from '../lead/slots.js';
import type { Visitor } from '../lead/visitor.js';

/** What an extractor gets for one visitor message. */
export type ExtractInput = {
  text: string;
  /** The slot the agent asked for just before this message, or null. */
  expecting: Slot | null;
  /** The record so far (extractors may use it to resolve context, never to invent). */
  lead: Lead;
  visitor: Visitor;
  /** The conversation's clock, ISO 8601. */
  now: string;
  /** Recent turns, oldest first, for extractors that read context (the LLM). */
  recent: readonly { role: 'visitor' | 'agent'; text: string }[];
  /** For per-conversation accounting (LLM calls, tokens); never sent to a model. */
  conversationId?: string;
};

/** Things the visitor did that are not field values. */
export type Signals = {
  /** Declined to answer the slot asked ("I'd rather not say", "no idea", "not buying anything"). */
  declined: boolean;
  /** Asked to talk to a person. */
  wantsHuman: boolean;
  /** Asked a question of their own (off-topic for the slot), with the question text. */
  question: string | null;
};

export type Extraction = {
  candidates: Candidate[];
  signals: Signals;
};

export const NO_SIGNALS: Signals = { declined: false, wantsHuman: false, question: null };

/** The extractor port: rules (no API key) or LLM. */
export type Extractor = {
  readonly name: 'rules' | 'llm';
  extract(input: ExtractInput): Promise<Extraction>;
};
