import { slotLabel } from '../booking/availability.js';
import { parseChoice } from '../booking/parse-choice.js';
import { applyCandidates, getField } from '../lead/lead-record.js';
import type { FieldPath } from '../lead/field-paths.js';
import { scoreLead } from '../scoring/score-lead.js';
import { askPart, bookingReply, markAsked } from './ask-slot.js';
import type { Conversation, OutboxEvent } from './conversation-schema.js';
import type { EngineContext, EngineEvent, EngineOutput, ReplyPart, Transition } from './engine-types.js';
import { MAX_BOOKING_ASKS, nextQualifyingSlot } from './next-step.js';

const LEARNED: Record<string, string> = {
  need: 'what you need',
  authority: 'your role',
  company: 'your company',
  budget: 'your budget',
  timeline: 'your timeline',
  contact: 'your contact details',
};

function learnedPhrases(changed: readonly FieldPath[]): string[] {
  const out: string[] = [];
  for (const p of changed) {
    const phrase = LEARNED[p.split('.')[0] ?? ''];
    if (phrase && !out.includes(phrase)) out.push(phrase);
  }
  return out;
}

/** Where visitors reach the server, for links in messages (relative when unknown). */
function publicBase(ctx: EngineContext): string {
  return (ctx.config.server.publicUrl ?? '').replace(/\/+$/, '');
}

function withEvent(conv: Conversation, type: string, now: Date, ctx: EngineContext): Conversation {
  const event: OutboxEvent = { id: ctx.newId(), type, occurredAt: now.toISOString(), conversationId: conv.id };
  return { ...conv, outbox: [...conv.outbox, event] };
}

/** Queues `lead.qualified` the first time the lead reaches SQL (once per lead, whatever follows). */
function qualifyIfReady(conv: Conversation, now: Date, ctx: EngineContext): Conversation {
  if (conv.qualifiedAt !== null) return conv;
  const { stage } = scoreLead(conv.lead, conv.visitor, ctx.config.scoring, ctx.config.currency);
  if (stage !== 'SQL') return conv;
  return withEvent({ ...conv, qualifiedAt: now.toISOString() }, 'lead.qualified', now, ctx);
}

/** Asks the next question, offers a meeting, or closes the chat. */
function proceed(conv: Conversation, parts: ReplyPart[], ctx: EngineContext): Transition {
  const { config } = ctx;
  const forceContact = conv.handoffRequested && getField(conv.lead, 'contact.email') === undefined && !conv.declined.includes('contact') && (conv.asks.contact ?? 0) < config.maxAsksPerSlot;
  const slot = forceContact ? 'contact' : nextQualifyingSlot(conv, config);
  if (slot !== null) {
    const part = askPart(conv, slot);
    return { conversation: markAsked(conv, slot), outputs: [{ type: 'reply', parts: [...parts, part], expecting: slot, quickReplies: null, final: false }] };
  }
  const { stage } = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  const canBook = stage === 'SQL' && conv.meeting === null && !conv.declined.includes('booking') && (conv.asks.booking ?? 0) < MAX_BOOKING_ASKS;
  if (canBook && ctx.freeSlots.length > 0) {
    const r = bookingReply(conv, parts, ctx.freeSlots.slice(0, config.booking.offer));
    return { conversation: r.conversation, outputs: [r.output] };
  }
  return close(conv, parts, ctx, stage);
}

function close(conv: Conversation, parts: ReplyPart[], ctx: EngineContext, stage: string): Transition {
  const researcher = getField(conv.lead, 'authority.level') === 'researcher';
  const { title, url } = ctx.config.nurture;
  const part: ReplyPart = researcher
    ? { template: 'close-researcher', vars: { resourceTitle: title, resourceUrl: url } }
    : { template: 'close-nurture', vars: { resourceTitle: title, resourceUrl: url, stage } };
  return {
    conversation: { ...conv, status: 'ended', expecting: null },
    outputs: [{ type: 'reply', parts: [...parts, part], expecting: null, quickReplies: null, final: true }],
  };
}

function onBookingAnswer(conv: Conversation, event: Extract<EngineEvent, { type: 'visitor_message' }>, now: Date, ctx: EngineContext, parts: ReplyPart[]): Transition | null {
  const { timezone, locale } = conv.visitor;
  const count = ctx.config.booking.offer;
  const choice = parseChoice(event.text, ctx.freeSlots, conv.offeredSlots, now, timezone, locale, count);
  if (choice.kind === 'slot') {
    const out: EngineOutput = { type: 'book', start: choice.slot.start, end: choice.slot.end, repIds: choice.slot.repIds };
    return { conversation: conv, outputs: [out] };
  }
  if (event.extraction.signals.declined || /\b(no thanks|not now|no need|don'?t want|skip)\b/i.test(event.text)) {
    return proceed({ ...conv, declined: [...conv.declined, 'booking'] }, parts, ctx);
  }
  if (choice.kind === 'alternatives' && choice.slots.length > 0 && (conv.asks.booking ?? 0) < MAX_BOOKING_ASKS) {
    const r = bookingReply(conv, [...parts, { template: 'slot-unavailable', vars: { requested: choice.requested } }], choice.slots);
    return { conversation: r.conversation, outputs: [r.output] };
  }
  return null;
}

/**
 * The conversation engine: a pure function of (state, event, now, context) returning the next
 * state and the effects for the shell to run (DESIGN.md "Slots and the conversation"). It never
 * reads the clock, the store or the network; the extraction arrives inside the event.
 */
export function transition(conv: Conversation, event: EngineEvent, now: Date, ctx: EngineContext): Transition {
  const at = now.toISOString();
  const base: Conversation = { ...conv, updatedAt: at };
  switch (event.type) {
    case 'start':
      return { conversation: { ...base, expecting: null }, outputs: [{ type: 'reply', parts: [{ template: 'greeting', vars: {} }], expecting: null, quickReplies: null, final: false }] };

    case 'booking_confirmed': {
      const meeting = { id: event.meetingId, start: event.start, end: event.end, repId: event.repId, status: 'booked' as const, bookedAt: at };
      const rep = ctx.config.booking.reps.find((r) => r.id === event.repId);
      const booked = withEvent({ ...base, meeting, status: 'ended', expecting: null, offeredSlots: [] }, 'meeting.booked', now, ctx);
      const part: ReplyPart = {
        template: 'booked',
        vars: { when: slotLabel(event.start, conv.visitor.timezone, conv.visitor.locale), repName: rep?.name ?? 'our team', icsUrl: `${publicBase(ctx)}/bookings/${event.meetingId}.ics`, manageUrl: `${publicBase(ctx)}/bookings/${event.meetingId}` },
      };
      return { conversation: booked, outputs: [{ type: 'reply', parts: [part], expecting: null, quickReplies: null, final: true }] };
    }

    case 'booking_failed':
      return proceed(base, [{ template: 'slot-unavailable', vars: { requested: null } }], ctx);

    case 'visitor_message': {
      const asked = conv.expecting;
      const { signals } = event.extraction;
      const applied = applyCandidates(base.lead, event.extraction.candidates, { source: event.source, messageId: event.messageId, at });
      let next: Conversation = { ...base, lead: applied.lead };
      const parts: ReplyPart[] = [];

      if (signals.wantsHuman && !next.handoffRequested) {
        next = withEvent({ ...next, handoffRequested: true }, 'lead.handoff_requested', now, ctx);
        parts.push({ template: 'handoff-human', vars: { hasEmail: getField(next.lead, 'contact.email') !== undefined } });
      }
      if (next.status === 'ended') {
        return { conversation: next, outputs: [{ type: 'reply', parts: parts.length > 0 ? parts : [{ template: 'after-close', vars: {} }], expecting: null, quickReplies: null, final: true }] };
      }
      if (signals.question !== null) parts.push({ template: 'answer-question', vars: { question: signals.question, answer: event.answer } });

      if (asked === 'booking' && next.meeting === null) {
        const booking = onBookingAnswer(next, event, now, ctx, parts);
        if (booking) return booking;
      } else if (asked !== null && signals.declined && !next.declined.includes(asked)) {
        next = { ...next, declined: [...next.declined, asked] };
      }
      next = qualifyIfReady(next, now, ctx);
      const learned = learnedPhrases(applied.changed);
      if (parts.length === 0 && (learned.length > 0 || signals.declined)) parts.unshift({ template: 'ack', vars: { declined: signals.declined, learned } });
      return proceed(next, parts, ctx);
    }
  }
}
