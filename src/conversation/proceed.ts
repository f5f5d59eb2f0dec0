import { getField } from '../lead/lead-record.js';
import { scoreLead, type Stage } from '../scoring/score-lead.js';
import { askPart, bookingReply, currentOffer, markAsked } from './ask-slot.js';
import type { Conversation } from './conversation-schema.js';
import { hasBookedMeeting, say, withEvent } from './engine-support.js';
import type { EngineContext, ReplyPart, Transition } from './engine-types.js';
import { MAX_BOOKING_ASKS, nextQualifyingSlot } from './next-step.js';
import { ENDED, isMoving } from './phase.js';

/** Queues `lead.qualified` the first time the lead reaches SQL (once per lead, whatever follows). */
export function qualifyIfReady(
  conv: Conversation,
  now: Date,
  ctx: Pick<EngineContext, 'config' | 'newId'>,
): Conversation {
  if (conv.qualifiedAt !== null) return conv;
  const { stage } = scoreLead(conv.lead, conv.visitor, ctx.config.scoring, ctx.config.currency);
  if (stage !== 'SQL') return conv;
  return withEvent({ ...conv, qualifiedAt: now.toISOString() }, 'lead.qualified', now, ctx);
}

/** Asks the next question, offers a meeting (or offers again to move one), or closes the chat. */
export function proceed(conv: Conversation, parts: ReplyPart[], ctx: EngineContext): Transition {
  const { config } = ctx;
  const moving = isMoving(conv.phase);
  const forceContact =
    conv.handoffRequested &&
    getField(conv.lead, 'contact.email') === undefined &&
    !conv.declined.includes('contact') &&
    (conv.asks.contact ?? 0) < config.maxAsksPerSlot;
  const slot = forceContact ? 'contact' : moving ? null : nextQualifyingSlot(conv, config);
  if (slot !== null) return say(markAsked(conv, slot), [...parts, askPart(conv, slot)]);
  const { stage } = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  const booked = hasBookedMeeting(conv);
  const wantsMeeting = moving || (stage === 'SQL' && !booked && !conv.declined.includes('booking'));
  // An offer still open is put again whatever the count: only the visitor closes it.
  const mayAsk = (conv.asks.booking ?? 0) < MAX_BOOKING_ASKS || conv.phase.kind === 'offering';
  if (wantsMeeting && mayAsk && ctx.freeSlots.length > 0) {
    const r = bookingReply(conv, parts, currentOffer(conv, ctx.freeSlots, config.booking.offer));
    return { conversation: r.conversation, outputs: [r.output] };
  }
  // A visitor with a meeting has had their next step: no nurture close for them.
  if (booked)
    return say(
      { ...conv, phase: ENDED },
      parts.length > 0 ? parts : [{ template: 'after-close', vars: {} }],
      true,
    );
  return close(conv, parts, ctx, stage);
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
    stage === 'MQL' &&
    conv.phase.kind !== 'askingConsent' &&
    getField(conv.lead, 'consent.contact') === undefined;
  if (askConsent)
    return say({ ...conv, phase: { kind: 'askingConsent' } }, [
      ...parts,
      { template: 'ask-consent', vars: { resourceTitle, resourceUrl } },
    ]);
  const part: ReplyPart = researcher
    ? { template: 'close-researcher', vars: { resourceTitle, resourceUrl } }
    : { template: 'close-nurture', vars: { resourceTitle, resourceUrl, stage } };
  return say({ ...conv, phase: ENDED }, [...parts, part], true);
}
