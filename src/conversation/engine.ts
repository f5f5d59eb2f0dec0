import { applyCandidates, getField } from '../lead/lead-record.js';
import { candidate } from '../lead/field-paths.js';
import { scoreLead, type Stage } from '../scoring/score-lead.js';
import { askPart, bookingReply, currentOffer, markAsked } from './ask-slot.js';
import type { Conversation } from './conversation-schema.js';
import { onBookedMessage } from './engine-booked-meeting.js';
import { hasBookedMeeting, learnedPhrases, say, withEvent, yesOrNo } from './engine-support.js';
import type { EngineContext, EngineEvent, ReplyPart, Transition } from './engine-types.js';
import { onBookingRequest, onMeetingAnswer, onMeetingResult } from './meeting-flow.js';
import { MAX_BOOKING_ASKS, nextQualifyingSlot } from './next-step.js';

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
  const forceContact =
    conv.handoffRequested &&
    getField(conv.lead, 'contact.email') === undefined &&
    !conv.declined.includes('contact') &&
    (conv.asks.contact ?? 0) < config.maxAsksPerSlot;
  const slot = forceContact
    ? 'contact'
    : conv.rescheduling
      ? null
      : nextQualifyingSlot(conv, config);
  if (slot !== null) return say(markAsked(conv, slot), [...parts, askPart(conv, slot)]);
  const { stage } = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  const booked = hasBookedMeeting(conv);
  const wantsMeeting =
    conv.rescheduling || (stage === 'SQL' && !booked && !conv.declined.includes('booking'));
  // An offer still open is put again whatever the count: only the visitor closes it.
  const mayAsk = (conv.asks.booking ?? 0) < MAX_BOOKING_ASKS || conv.expecting === 'booking';
  if (wantsMeeting && mayAsk && ctx.freeSlots.length > 0) {
    const r = bookingReply(conv, parts, currentOffer(conv, ctx.freeSlots, config.booking.offer));
    return { conversation: r.conversation, outputs: [r.output] };
  }
  // A visitor with a meeting has had their next step: no nurture close for them.
  if (booked)
    return say(
      { ...conv, rescheduling: false, status: 'ended', expecting: null, offeredSlots: [] },
      parts.length > 0 ? parts : [{ template: 'after-close', vars: {} }],
      true,
    );
  return close({ ...conv, rescheduling: false }, parts, ctx, stage);
}

/**
 * The end of the chat. Marketing-qualified leads get the resource and are asked whether the
 * team may follow up (consent.contact); researchers and everyone else get a friendly close.
 */
function close(
  conv: Conversation,
  parts: ReplyPart[],
  ctx: EngineContext,
  stage: Stage,
): Transition {
  const { title: resourceTitle, url: resourceUrl } = ctx.config.nurture;
  const researcher = getField(conv.lead, 'authority.level') === 'researcher';
  const askConsent =
    stage === 'MQL' && !conv.consentAsked && getField(conv.lead, 'consent.contact') === undefined;
  if (askConsent)
    return say({ ...conv, consentAsked: true, expecting: null }, [
      ...parts,
      { template: 'ask-consent', vars: { resourceTitle, resourceUrl } },
    ]);
  const part: ReplyPart = researcher
    ? { template: 'close-researcher', vars: { resourceTitle, resourceUrl } }
    : { template: 'close-nurture', vars: { resourceTitle, resourceUrl, stage } };
  return say({ ...conv, status: 'ended', expecting: null }, [...parts, part], true);
}

/** The visitor's yes or no to the follow-up question, recorded as consent.contact. */
function onConsentAnswer(
  conv: Conversation,
  event: Extract<EngineEvent, { type: 'visitor_message' }>,
  now: Date,
): Transition | null {
  const agreed = yesOrNo(event.text);
  if (agreed === null) return null;
  const c = candidate('consent.contact', agreed, event.text);
  const { lead } = applyCandidates(conv.lead, c ? [c] : [], {
    source: 'rules',
    messageId: event.messageId,
    at: now.toISOString(),
  });
  return say(
    { ...conv, lead, consentAsked: false, status: 'ended', expecting: null },
    [{ template: 'consent-reply', vars: { agreed } }],
    true,
  );
}

/**
 * The conversation engine: a pure function of (state, event, now, context) returning the next
 * state and the effects for the shell to run (DESIGN.md "Slots and the conversation"). It never
 * reads the clock, the store or the network; the extraction arrives inside the event.
 */
export function transition(
  conv: Conversation,
  event: EngineEvent,
  now: Date,
  ctx: EngineContext,
): Transition {
  const base: Conversation = { ...conv, updatedAt: now.toISOString() };
  const next = (c: Conversation, p: ReplyPart[]): Transition => proceed(c, p, ctx);
  switch (event.type) {
    case 'start':
      return say({ ...base, expecting: null }, [{ template: 'greeting', vars: {} }]);
    case 'visitor_message':
      return onVisitorMessage(base, event, now, ctx);
    default:
      return (
        onMeetingResult(base, event, now, ctx, next) ??
        say(base, [{ template: 'after-close', vars: {} }], base.status === 'ended')
      );
  }
}

function onVisitorMessage(
  base: Conversation,
  event: Extract<EngineEvent, { type: 'visitor_message' }>,
  now: Date,
  ctx: EngineContext,
): Transition {
  const asked = base.expecting;
  // A question "Cancel your meeting on ...?" is answered by this message or not at all.
  const confirming = base.confirmingCancel === true;
  const { signals } = event.extraction;
  const applied = applyCandidates(base.lead, event.extraction.candidates, {
    source: event.source,
    messageId: event.messageId,
    at: now.toISOString(),
  });
  let conv: Conversation = { ...base, lead: applied.lead, confirmingCancel: false };
  const parts: ReplyPart[] = [];

  if (signals.wantsHuman && !conv.handoffRequested) {
    conv = withEvent({ ...conv, handoffRequested: true }, 'lead.handoff_requested', now, ctx);
    parts.push({
      template: 'handoff-human',
      vars: { hasEmail: getField(conv.lead, 'contact.email') !== undefined },
    });
  }
  if (conv.consentAsked && !signals.wantsHuman) {
    const consent = onConsentAnswer(conv, event, now);
    if (consent) return consent;
  }
  if (signals.question !== null)
    parts.push({
      template: 'answer-question',
      vars: { question: signals.question, answer: event.answer },
    });
  const learned = learnedPhrases(applied.changed);
  const understood = parts.length > 0 || learned.length > 0;

  if (!signals.wantsHuman) {
    const meeting = hasBookedMeeting(conv)
      ? onBookedMessage(conv, event, now, ctx, parts, { confirming, understood })
      : asked !== 'booking'
        ? onBookingRequest(qualifyIfReady(conv, now, ctx), event, now, ctx, parts)
        : null;
    if (meeting) return meeting;
  }
  if (conv.status === 'ended' || conv.consentAsked) {
    return say(
      { ...conv, status: 'ended', consentAsked: false, expecting: null },
      parts.length > 0 ? parts : [{ template: 'after-close', vars: {} }],
      true,
    );
  }

  if (asked === 'booking' && !hasBookedMeeting(conv)) {
    const meeting = onMeetingAnswer(conv, event, now, ctx, parts, understood, (c, p) =>
      proceed(c, p, ctx),
    );
    if (meeting) return meeting;
  } else if (
    asked !== null &&
    asked !== 'booking' &&
    signals.declined &&
    !conv.declined.includes(asked)
  ) {
    conv = { ...conv, declined: [...conv.declined, asked] };
  }
  conv = qualifyIfReady(conv, now, ctx);
  if (parts.length === 0 && (learned.length > 0 || signals.declined))
    parts.unshift({ template: 'ack', vars: { declined: signals.declined, learned } });
  return proceed(conv, parts, ctx);
}
