import { freeSlots, slotLabel } from '../booking/availability.js';
import { parseChoice } from '../booking/parse-choice.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineContext, EngineEvent, ReplyPart, Transition } from './engine-types.js';
import { bookingReply } from './ask-slot.js';
import { publicBase, say, withEvent } from './engine-support.js';
import { MAX_BOOKING_ASKS } from './next-step.js';

type VisitorMessage = Extract<EngineEvent, { type: 'visitor_message' }>;

const WANTS_CANCEL = /\b(?:cancel|call off|can'?t make it|won'?t make it|drop)\b[^.?!]{0,40}\b(?:meeting|call|appointment|booking|demo|it)\b|^\s*cancel\b/i;
const WANTS_MOVE = /\b(?:move|reschedule|re-schedule|change|push|shift|postpone|bring forward)\b[^.?!]{0,40}\b(?:meeting|call|appointment|booking|demo|it|time)\b|\b(?:another|a different|a later|an earlier) (?:time|day|slot)\b/i;
const DECLINES = /\b(?:no thanks|not now|no need|don'?t want|skip|never ?mind|forget it|keep it)\b/i;

const links = (ctx: EngineContext, id: string) => ({ icsUrl: `${publicBase(ctx)}/bookings/${id}.ics`, manageUrl: `${publicBase(ctx)}/bookings/${id}` });

/** The visitor answered the meeting question: book, move, offer alternatives, or give up. Null: not understood. */
export function onMeetingAnswer(conv: Conversation, event: VisitorMessage, now: Date, ctx: EngineContext, parts: ReplyPart[], proceed: (c: Conversation, p: ReplyPart[]) => Transition): Transition | null {
  const { timezone, locale } = conv.visitor;
  const count = ctx.config.booking.offer;
  const choice = parseChoice(event.text, ctx.freeSlots, conv.offeredSlots, now, timezone, locale, count);
  if (choice.kind === 'slot') {
    const { start, end, repIds } = choice.slot;
    if (conv.rescheduling && conv.meeting) return { conversation: conv, outputs: [{ type: 'reschedule', meetingId: conv.meeting.id, start, end, repIds }] };
    return { conversation: conv, outputs: [{ type: 'book', start, end, repIds }] };
  }
  if (event.extraction.signals.declined || DECLINES.test(event.text)) {
    if (conv.rescheduling && conv.meeting) {
      const kept = { ...conv, rescheduling: false, expecting: null, offeredSlots: [] };
      return say(kept, [...parts, { template: 'meeting-unchanged', vars: { when: slotLabel(conv.meeting.start, timezone, locale) } }], true);
    }
    return proceed({ ...conv, declined: [...conv.declined, 'booking'] }, parts);
  }
  if (choice.kind === 'alternatives' && choice.slots.length > 0 && (conv.asks.booking ?? 0) < MAX_BOOKING_ASKS + (conv.rescheduling ? 2 : 0)) {
    const note: ReplyPart = { template: 'slot-unavailable', vars: { requested: choice.requested, several: choice.reason === 'several' } };
    const r = bookingReply({ ...conv, asks: { ...conv.asks, booking: Math.max(1, conv.asks.booking ?? 0) } }, [...parts, note], choice.slots);
    return { conversation: r.conversation, outputs: [r.output] };
  }
  return null;
}

/**
 * A message after the meeting was booked: "can we move it to Friday?" offers times (or books
 * the one named), "cancel my meeting" cancels it. Null when the message is about neither.
 */
export function onBookedMessage(conv: Conversation, event: VisitorMessage, now: Date, ctx: EngineContext, parts: ReplyPart[]): Transition | null {
  const meeting = conv.meeting;
  if (meeting === null || meeting.status !== 'booked') return null;
  if (WANTS_CANCEL.test(event.text)) return { conversation: conv, outputs: [{ type: 'cancel', meetingId: meeting.id }] };
  if (!WANTS_MOVE.test(event.text)) return null;
  // The meeting's own time is free for itself: the shell's free slots already leave it out of busy.
  const free = ctx.freeSlots.length > 0 ? ctx.freeSlots : freeSlots(ctx.config.booking, now, []);
  const moving: Conversation = { ...conv, rescheduling: true, status: 'active', asks: { ...conv.asks, booking: 1 } };
  const choice = parseChoice(event.text, free, [], now, conv.visitor.timezone, conv.visitor.locale, ctx.config.booking.offer);
  if (choice.kind === 'slot') return { conversation: moving, outputs: [{ type: 'reschedule', meetingId: meeting.id, start: choice.slot.start, end: choice.slot.end, repIds: choice.slot.repIds }] };
  const offer = choice.kind === 'alternatives' ? choice.slots : free.slice(0, ctx.config.booking.offer);
  const r = bookingReply(moving, parts, offer);
  return { conversation: r.conversation, outputs: [r.output] };
}

/** The shell's answer to a book / reschedule / cancel effect. */
export function onMeetingResult(conv: Conversation, event: EngineEvent, now: Date, ctx: EngineContext, proceed: (c: Conversation, p: ReplyPart[]) => Transition): Transition | null {
  const at = now.toISOString();
  const { timezone, locale } = conv.visitor;
  const done = { ...conv, status: 'ended' as const, expecting: null, offeredSlots: [], rescheduling: false };
  switch (event.type) {
    case 'booking_confirmed': {
      const meeting = { id: event.meetingId, start: event.start, end: event.end, repId: event.repId, status: 'booked' as const, bookedAt: at };
      const rep = ctx.config.booking.reps.find((r) => r.id === event.repId);
      const next = withEvent({ ...done, meeting }, 'meeting.booked', now, ctx);
      return say(next, [{ template: 'booked', vars: { when: slotLabel(event.start, timezone, locale), repName: rep?.name ?? 'our team', ...links(ctx, event.meetingId) } }], true);
    }
    case 'meeting_rescheduled': {
      if (!conv.meeting) return null;
      const next = withEvent({ ...done, meeting: { ...conv.meeting, start: event.start, end: event.end, repId: event.repId } }, 'meeting.rescheduled', now, ctx);
      return say(next, [{ template: 'rescheduled', vars: { when: slotLabel(event.start, timezone, locale), ...links(ctx, conv.meeting.id) } }], true);
    }
    case 'meeting_canceled': {
      if (!conv.meeting) return null;
      const next = withEvent({ ...done, meeting: { ...conv.meeting, status: 'canceled' } }, 'meeting.canceled', now, ctx);
      return say(next, [{ template: 'meeting-canceled', vars: {} }], true);
    }
    case 'booking_failed':
    case 'meeting_change_failed':
      return proceed({ ...conv, asks: { ...conv.asks, booking: Math.min(conv.asks.booking ?? 0, MAX_BOOKING_ASKS - 1) } }, [{ template: 'slot-unavailable', vars: { requested: null, several: false } }]);
    default:
      return null;
  }
}
