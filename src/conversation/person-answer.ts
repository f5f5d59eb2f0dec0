import { getField } from '../lead/lead-record.js';
import { scoreLead } from '../scoring/score-lead.js';
import type { Conversation } from './conversation-schema.js';
import { hasBookedMeeting, say } from './engine-support.js';
import type { EngineContext, ReplyPart, Transition } from './engine-types.js';
import { MAX_BOOKING_ASKS, nextQualifyingSlot } from './next-step.js';
import { proceed } from './proceed.js';

/**
 * Whether the engine offers this lead a meeting at its next step under the booking rules
 * (sales-qualified, nothing left to ask, times free, none booked or declined, asks left): the
 * honest answer then says "book a time" instead of "leave your email".
 */
export function mayBookNow(conv: Conversation, ctx: EngineContext): boolean {
  const { config } = ctx;
  if (conv.phase.kind === 'ended' || hasBookedMeeting(conv)) return false;
  if (ctx.freeSlots.length === 0 || conv.declined.includes('booking')) return false;
  if (nextQualifyingSlot(conv, config) !== null) return false;
  if ((conv.asks.booking ?? 0) >= MAX_BOOKING_ASKS && conv.phase.kind !== 'offering') return false;
  return scoreLead(conv.lead, conv.visitor, config.scoring, config.currency).stage === 'SQL';
}

/** "Nobody is free right now" with the next step (book a time, or leave an email for a reply). */
export function nobodyFreePart(conv: Conversation, ctx: EngineContext): ReplyPart {
  return {
    template: 'handoff-human',
    vars: {
      hasEmail: getField(conv.lead, 'contact.email') !== undefined,
      canBook: mayBookNow(conv, ctx),
    },
  };
}

/**
 * The honest answer to a request for a person: "someone is coming" only while a rep (role rep
 * or admin) is connected to the console; otherwise nobody is free, and the next step.
 */
export function personAnswer(conv: Conversation, ctx: EngineContext): ReplyPart {
  return ctx.repsOnline === true
    ? { template: 'handoff-coming', vars: {} }
    : nobodyFreePart(conv, ctx);
}

/** Where the chat stands allows the engine to go on (ask, offer) rather than only say. */
const goesOn = (conv: Conversation): boolean =>
  conv.phase.kind === 'qualifying' || conv.phase.kind === 'offering';

/**
 * Nobody joined within `console.joinTimeoutSeconds` after "someone is coming": the bot says so
 * and offers the next step. Nothing when a rep has joined since (or no person was asked for).
 */
export function onNobodyJoined(conv: Conversation, ctx: EngineContext): Transition {
  if (conv.console.takeover !== null || !conv.handoffRequested)
    return { conversation: conv, outputs: [] };
  const part = nobodyFreePart(conv, ctx);
  return goesOn(conv) ? proceed(conv, [part], ctx) : say(conv, [part], conv.phase.kind === 'ended');
}

/**
 * The rep handed the chat back: the engine resumes where the phase stands, asking the next open
 * slot (or offering the times again); a chat over, or waiting for a yes or no, stays as it is.
 */
export function onHandedBack(conv: Conversation, ctx: EngineContext): Transition {
  return goesOn(conv) ? proceed(conv, [], ctx) : { conversation: conv, outputs: [] };
}
