import type { Slot } from '../../lead/slots.js';
import type { Conversation } from '../conversation-schema.js';
import { onBookedMessage } from '../engine-booked-meeting.js';
import { hasBookedMeeting, say } from '../engine-support.js';
import type { EngineContext, ReplyPart, Transition, VisitorMessage } from '../engine-types.js';
import { onBookingRequest } from '../meeting-flow.js';
import { ENDED } from '../phase.js';
import { proceed, qualifyIfReady } from '../proceed.js';

export type { VisitorMessage };

/** One visitor message being handled, after the signals that cut across every phase. */
export type Turn = {
  /** The conversation with the message's facts applied (and a handoff, when asked for). */
  conv: Conversation;
  event: VisitorMessage;
  now: Date;
  ctx: EngineContext;
  /** The reply so far: the handoff and the answer to the visitor's question, when any. */
  parts: ReplyPart[];
  /** What the message taught the agent ("your budget"), for the acknowledgement. */
  learned: string[];
  /** The message was about something the engine handled (a question, a new fact). */
  understood: boolean;
};

/**
 * A message about a meeting, in any phase: a visitor with a booked meeting moves it, cancels
 * it or asks for its links; one without asks to book one (outside an open offer, `asked`
 * `booking`). Null when the message is about none of these, or asks for a person.
 */
export function meetingMessage(
  turn: Turn,
  asked: Slot | null,
  confirming = false,
): Transition | null {
  const { conv, event, now, ctx, parts, understood } = turn;
  if (event.extraction.signals.wantsHuman) return null;
  if (hasBookedMeeting(conv))
    return onBookedMessage(conv, event, now, ctx, parts, { confirming, understood });
  if (asked === 'booking') return null;
  return onBookingRequest(qualifyIfReady(conv, now, ctx), event, now, ctx, parts);
}

/**
 * The chat stays over: it answers what was asked (or says it is over) and waits for nothing.
 * A message that changed the record is a late correction (`lateCorrection`).
 */
export function staysEnded(turn: Turn): Transition {
  const { conv, parts } = turn;
  if (turn.learned.length > 0) return lateCorrection(turn);
  return say(
    { ...conv, phase: ENDED },
    parts.length > 0 ? parts : [{ template: 'after-close', vars: {} }],
    true,
  );
}

/**
 * A correction after the end ("actually our budget is $80k a year") is real information for
 * a rep, so it counts as it would have in the chat: the record changes, the lead that now
 * reaches SQL queues `lead.qualified` (a followed-up lead gets `lead.updated` from the engine)
 * and is offered the meeting the engine offers any SQL lead. Anything else is acknowledged and
 * the chat stays over.
 */
function lateCorrection({ conv, now, ctx, parts, learned }: Turn): Transition {
  const qualified = qualifyIfReady(conv, now, ctx);
  const reply: ReplyPart[] =
    parts.length > 0 ? parts : [{ template: 'ack', vars: { declined: false, learned } }];
  if (qualified.qualifiedAt !== conv.qualifiedAt) {
    const offer = proceed({ ...qualified, phase: ENDED }, reply, ctx);
    if (offer.conversation.phase.kind === 'offering') return offer;
  }
  return say({ ...qualified, phase: ENDED }, reply, true);
}

/**
 * The chat goes on: a slot the visitor declined is never asked again, `lead.qualified` is
 * queued when the lead just became sales-qualified, the message is acknowledged, and the next
 * question or offer follows.
 */
export function carryOn(
  turn: Turn,
  asked: Slot | null,
  from: Conversation = turn.conv,
): Transition {
  const { now, ctx, parts, learned } = turn;
  const { declined } = turn.event.extraction.signals;
  let conv = from;
  if (asked !== null && asked !== 'booking' && declined && !conv.declined.includes(asked))
    conv = { ...conv, declined: [...conv.declined, asked] };
  conv = qualifyIfReady(conv, now, ctx);
  if (parts.length === 0 && (learned.length > 0 || declined))
    parts.unshift({ template: 'ack', vars: { declined, learned } });
  return proceed(conv, parts, ctx);
}
