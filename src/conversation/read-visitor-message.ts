import type { Extractor } from '../extract/extractor.js';
import {
  NO_MEETING_SIGNALS,
  readMeeting,
  type MeetingSignals,
} from '../extract/meeting/read-meeting.js';
import { visibleText } from '../lib/visible-text.js';
import { questionKey } from '../prompts/find-answer.js';
import type { Conversation } from './conversation-schema.js';
import type { VisitorMessage } from './engine-types.js';
import { expectingOf, offeredSlots } from './phase.js';

/** The recent turns an extractor may read. */
export const RECENT_TURNS = 6;

/** The side of the chat a message is on, for the models: a rep speaks for the company, as the agent does. */
export const sideOf = (role: 'visitor' | 'agent' | 'rep'): 'visitor' | 'agent' =>
  role === 'visitor' ? 'visitor' : 'agent';

export type MessageReaderDeps = {
  extractor: Extractor;
  /** Used for a turn when `extractor` fails (LLM mode); rules mode passes the same extractor. */
  fallback: Extractor;
  /** The knowledge-file answer to a visitor's question, or null. */
  answer: (question: string) => string | null;
  onError?: (error: unknown, where: string) => void;
};

/**
 * What a message says about meetings, read only when meetings are in play (one is booked,
 * offered, or was offered before, or the follow-up question is open): the time reading costs
 * a parse that most qualifying turns need not pay.
 */
function readMeetingSignals(conv: Conversation, text: string, now: Date): MeetingSignals {
  const inPlay =
    conv.meeting !== null ||
    (conv.asks.booking ?? 0) > 0 ||
    conv.phase.kind === 'offering' ||
    conv.phase.kind === 'askingConsent';
  if (!inPlay) return NO_MEETING_SIGNALS;
  const { timezone, locale } = conv.visitor;
  return readMeeting(text, { now, timezone, locale, offered: offeredSlots(conv.phase) });
}

/**
 * Extraction with fallback: the visitor's words cross into the engine's world here, once,
 * without their invisible characters (`visibleText`). The extractor reads field values and signals (the fallback extractor when it fails), the meeting
 * readers read what the words say about meetings, and the knowledge file answers a question.
 *
 * @example const event = await readVisitorMessage(conv, messageId, 'we are 40 people', now);
 */
export function createMessageReader(deps: MessageReaderDeps) {
  async function extract(conv: Conversation, text: string, now: Date) {
    const recent = conv.messages
      .slice(-RECENT_TURNS)
      .map((m) => ({ role: sideOf(m.role), text: visibleText(m.text) }));
    const input = {
      text,
      // While a rep has the chat, the visitor answers the rep, not the bot's last question.
      expecting: conv.console.takeover === null ? expectingOf(conv.phase) : null,
      lead: conv.lead,
      visitor: conv.visitor,
      now: now.toISOString(),
      recent,
      conversationId: conv.id,
    };
    try {
      return { extraction: await deps.extractor.extract(input), source: deps.extractor.name };
    } catch (e) {
      deps.onError?.(e, 'extract');
      return { extraction: await deps.fallback.extract(input), source: deps.fallback.name };
    }
  }

  return async function readVisitorMessage(
    conv: Conversation,
    messageId: string,
    text: string,
    now: Date,
  ): Promise<VisitorMessage> {
    // Read as the visitor saw it: NUL, other controls and bidirectional overrides show nothing,
    // split the words the rules look for ("Dana\u0000 Lee") and must not reach the record.
    const seen = visibleText(text);
    const { extraction, source } = await extract(conv, seen, now);
    const { question } = extraction.signals;
    return {
      type: 'visitor_message',
      messageId,
      extraction,
      meeting: readMeetingSignals(conv, seen, now),
      source,
      answer: question !== null ? deps.answer(question) : null,
      questionKey: question !== null ? questionKey(question) : null,
    };
  };
}
