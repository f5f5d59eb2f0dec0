import type { FreeSlot } from '../booking/availability.js';
import { matchChoice, type ChoiceResult } from '../booking/match-choice.js';
import type { TimeChoice } from '../extract/meeting/read-time-choice.js';
import { scoreLead } from '../scoring/score-lead.js';
import { bookingReply, currentOffer } from './ask-slot.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineContext, ReplyPart, Transition, VisitorMessage } from './engine-types.js';
import { offeredSlots, qualifying } from './phase.js';
import { nextQualifyingSlot } from './next-step.js';

export type Proceed = (c: Conversation, p: ReplyPart[]) => Transition;

/** The invite and the booking page of a meeting, signed, absolute when the public address is known. */
export const meetingLinks = (ctx: EngineContext, id: string) => ctx.meetingLinks(id);

/** Matches the time asked for against the free slots (by default the context's) and the slots offered. */
export function readChoice(
  conv: Conversation,
  choice: TimeChoice,
  now: Date,
  ctx: EngineContext,
  free: readonly FreeSlot[] = ctx.freeSlots,
  offered: readonly string[] = offeredSlots(conv.phase),
): ChoiceResult {
  const { timezone, locale } = conv.visitor;
  return matchChoice(choice, {
    free,
    offered,
    now,
    timezone,
    locale,
    count: ctx.config.booking.offer,
    booking: ctx.config.booking,
  });
}

/** The sentence before alternatives: why the time asked for is not booked. */
export function alternativesNote(
  choice: Extract<ChoiceResult, { kind: 'alternatives' }>,
  ctx: EngineContext,
): ReplyPart {
  const { reason } = choice;
  return {
    template: 'slot-unavailable',
    vars: {
      requested: choice.requested,
      several: reason === 'several',
      outsideHours: reason === 'outside-hours',
      beyondHorizon: reason === 'beyond-horizon',
      horizonDays: ctx.config.booking.horizonDays,
    },
  };
}

const offerOf = (r: ReturnType<typeof bookingReply>): Transition => ({
  conversation: r.conversation,
  outputs: [r.output],
});

/** What to do with an answer to an open offer of times, besides reading the time. */
export type OfferHandlers = {
  /** The visitor picked a free slot. */
  onSlot: (slot: FreeSlot) => Transition;
  /** The visitor said an explicit no. */
  onDecline: () => Transition;
  /** Whether the message is a no; by default an explicit no to the offer. */
  declines?: boolean;
  /** The message was about something else the engine handled (a question, a new fact): null then, so it asks again. */
  understood: boolean;
};

/**
 * An answer while times are offered: a slot books (or moves) it; an explicit no declines; a
 * time that is not free gives alternatives with the reason; a hesitation ("let me check my
 * calendar") keeps the offer open and says so; anything else says it was not understood and
 * offers the times again. Null when the engine should carry on (understood, or nothing free).
 */
export function onOfferAnswer(
  conv: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
  parts: ReplyPart[],
  h: OfferHandlers,
): Transition | null {
  const choice = readChoice(conv, event.meeting.choice, now, ctx);
  if (choice.kind === 'slot') return h.onSlot(choice.slot);
  const reply = event.meeting.offerReply;
  const declined =
    h.declines ?? (reply === 'decline' || (reply === null && event.extraction.signals.declined));
  if (declined) return h.onDecline();
  const asked = { ...conv, asks: { ...conv.asks, booking: Math.max(1, conv.asks.booking ?? 0) } };
  if (choice.kind === 'alternatives' && choice.slots.length > 0)
    return offerOf(bookingReply(asked, [...parts, alternativesNote(choice, ctx)], choice.slots));
  const offer = currentOffer(conv, ctx.freeSlots, ctx.config.booking.offer);
  if (offer.length === 0) return null;
  if (reply === 'hesitate') return offerOf(bookingReply(asked, parts, offer, 'later'));
  if (h.understood) return null;
  return offerOf(bookingReply(asked, parts, offer, 'unclear'));
}

/** The visitor answered the offer of a first meeting: book it, decline, or keep the offer open. */
export function onMeetingAnswer(
  conv: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
  parts: ReplyPart[],
  understood: boolean,
  proceed: Proceed,
): Transition | null {
  return onOfferAnswer(conv, event, now, ctx, parts, {
    understood,
    onSlot: ({ start, end, repIds }) => ({
      conversation: conv,
      outputs: [{ type: 'book', start, end, repIds }],
    }),
    onDecline: () => proceed({ ...conv, declined: [...conv.declined, 'booking'] }, parts),
  });
}

/**
 * A sales-qualified visitor with no meeting booked who was offered one before (and declined,
 * let the chat close, or canceled) asks for one: "can I book Friday at 10am instead?", "book a
 * new meeting". The time named is booked when free; otherwise times are offered again. Null
 * when the message asks for no meeting, or the lead may not book.
 */
export function onBookingRequest(
  conv: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
  parts: ReplyPart[],
): Transition | null {
  if (
    (conv.asks.booking ?? 0) === 0 ||
    ctx.freeSlots.length === 0 ||
    nextQualifyingSlot(conv, ctx.config) !== null
  )
    return null;
  if (!event.meeting.asksForMeeting) return null;
  if (scoreLead(conv.lead, conv.visitor, ctx.config.scoring, ctx.config.currency).stage !== 'SQL')
    return null;
  // Reopened: the chat asks nothing until the offer below.
  const reopened: Conversation = {
    ...conv,
    phase: conv.phase.kind === 'qualifying' ? conv.phase : qualifying(),
    declined: conv.declined.filter((s) => s !== 'booking'),
    asks: { ...conv.asks, booking: Math.max(1, conv.asks.booking ?? 0) },
  };
  const choice = readChoice(reopened, event.meeting.choice, now, ctx, ctx.freeSlots, []);
  if (choice.kind === 'slot')
    return {
      conversation: reopened,
      outputs: [
        {
          type: 'book',
          start: choice.slot.start,
          end: choice.slot.end,
          repIds: choice.slot.repIds,
        },
      ],
    };
  if (choice.kind === 'alternatives' && choice.slots.length > 0)
    return offerOf(bookingReply(reopened, [...parts, alternativesNote(choice, ctx)], choice.slots));
  return offerOf(bookingReply(reopened, parts, ctx.freeSlots.slice(0, ctx.config.booking.offer)));
}
