import { speedToLead } from '../console/speed-to-lead.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Slot } from '../lead/slots.js';
import { questionFacts } from './question-facts.js';
import { reachedStages } from './reached-stages.js';
import { sourceKeyOf, type SourceKey } from './report-sources.js';

/** What one asked question became, without `abandoned` (that depends on when it is read). */
export type QuestionFact = {
  slot: Slot;
  answered: boolean;
  reaskedNotUnderstood: boolean;
  refused: boolean;
  secondsToAnswer: number | null;
};

/** Epoch milliseconds, or null when it never happened. */
type Ms = number | null;

/**
 * One conversation as the report sums it: a small row with times instead of yes/no, so that
 * the same row answers a report read at any time (a stage counts once its time has come).
 * The analytics index keeps one per stored conversation.
 */
export type ConversationFacts = {
  id: string;
  /** When it started (a conversation belongs to the day it started). */
  startMs: number;
  /** The first visitor message (engaged). */
  engagedMs: Ms;
  stages: { lead: Ms; mql: Ms; sql: Ms; booked: Ms; canceled: Ms };
  source: SourceKey;
  questions: QuestionFact[];
  /** The question open at the last message, the last message's time, and whether the chat ended. */
  open: { slot: Slot | null; lastMs: Ms; ended: boolean };
  /** Speed to lead, counted once the first touch's time has come. */
  speed: { seconds: number; touchMs: number } | null;
  /** Visitor messages the LLM failed on and the rules read. */
  llmFallbacks: number;
};

const msOf = (iso: string | null | undefined): Ms => (iso ? Date.parse(iso) : null);

/**
 * The report's facts of one conversation, from the messages at or before `now` (all of them
 * by default: the analytics index reads each conversation as saved).
 *
 * @example conversationFacts(conv).stages.sql // 1767607320000
 */
export function conversationFacts(conv: Conversation, now?: Date): ConversationFacts {
  const until = now ?? new Date(8.64e15);
  const messages = conv.messages.filter(
    (m) => m.role !== 'rep' && Date.parse(m.at) <= until.getTime(),
  );
  const firstVisitor = conv.messages.find(
    (m) => m.role === 'visitor' && Date.parse(m.at) <= until.getTime(),
  );
  const last = messages.at(-1);
  const stages = reachedStages(conv);
  const speed = speedToLead(conv);
  return {
    id: conv.id,
    startMs: Date.parse(conv.createdAt),
    engagedMs: msOf(firstVisitor?.at),
    stages: {
      lead: msOf(stages.lead),
      mql: msOf(stages.mql),
      sql: msOf(stages.sql),
      booked: msOf(stages.booked),
      canceled: msOf(stages.canceled),
    },
    source: sourceKeyOf(conv),
    questions: [...questionFacts(conv, until)].map(([slot, f]) => ({
      slot,
      answered: f.answered,
      reaskedNotUnderstood: f.reaskedNotUnderstood,
      refused: f.refused,
      secondsToAnswer: f.secondsToAnswer,
    })),
    open: {
      // The open question: the last agent message's, unless the visitor wrote after it.
      slot: last?.role === 'agent' ? (last.expecting ?? null) : null,
      lastMs: msOf(last?.at),
      ended: conv.phase.kind === 'ended',
    },
    speed:
      speed?.seconds != null && speed.firstTouchAt !== null
        ? { seconds: speed.seconds, touchMs: Date.parse(speed.firstTouchAt) }
        : null,
    llmFallbacks: conv.llmFallbacks ?? 0,
  };
}
