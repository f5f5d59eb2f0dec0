import { slotLabel, type FreeSlot } from '../booking/availability.js';
import { getField } from '../lead/lead-record.js';
import { missingFields, type QualifyingSlot } from '../lead/slots.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineOutput, ReplyPart } from './engine-types.js';
import { isMoving, offeredSlots } from './phase.js';

/** The question part for a qualifying slot: a partly filled slot asks only for what is missing. */
export function askPart(conv: Conversation, slot: QualifyingSlot): ReplyPart {
  const retry = (conv.asks[slot] ?? 0) > 0;
  const missing = missingFields(conv.lead, slot);
  if (slot === 'company') {
    return {
      template: 'ask-company',
      vars: {
        retry,
        missingName: missing.includes('company.name'),
        missingSize: missing.includes('company.size'),
        companyName: getField(conv.lead, 'company.name') ?? null,
      },
    };
  }
  if (slot === 'contact') {
    // After "talk to a human", the question is how the team should reach them.
    const forHandoff = conv.handoffRequested && missing.includes('contact.email');
    return {
      template: 'ask-contact',
      vars: {
        retry,
        missingName: missing.includes('contact.name'),
        missingEmail: missing.includes('contact.email'),
        forHandoff,
      },
    };
  }
  const template = (
    {
      need: 'ask-need',
      authority: 'ask-authority',
      budget: 'ask-budget',
      timeline: 'ask-timeline',
    } as const
  )[slot];
  return { template, vars: { retry } };
}

/** Records that a qualifying slot is being asked and returns the conversation with its counters moved. */
export function markAsked(conv: Conversation, slot: QualifyingSlot): Conversation {
  return {
    ...conv,
    phase: { kind: 'qualifying', asked: slot },
    asks: { ...conv.asks, [slot]: (conv.asks[slot] ?? 0) + 1 },
  };
}

/**
 * How the meeting question is put: `offer` asks it (first time, or again), `unclear` says the
 * last answer was not understood and asks again, `later` tells a hesitating visitor the times
 * stay open.
 */
export type OfferWording = 'offer' | 'unclear' | 'later';

/**
 * The meeting question with the offered slots as quick replies, labelled in the visitor's zone.
 * The offer is to move the booked meeting when the one open was, else to book one.
 */
export function bookingReply(
  conv: Conversation,
  before: ReplyPart[],
  slots: readonly FreeSlot[],
  wording: OfferWording = 'offer',
): { conversation: Conversation; output: EngineOutput } {
  const { timezone, locale } = conv.visitor;
  const labels = slots.map((s) => slotLabel(s.start, timezone, locale));
  const ask = (retry: boolean): ReplyPart => ({
    template: 'ask-booking',
    vars: { retry, timezone, slots: labels.map((label) => ({ label })) },
  });
  const parts: ReplyPart[] =
    wording === 'later'
      ? [{ template: 'booking-later', vars: {} }]
      : wording === 'unclear'
        ? [{ template: 'booking-unclear', vars: {} }, ask(true)]
        : [ask((conv.asks.booking ?? 0) > 0)];
  const conversation: Conversation = {
    ...conv,
    phase: {
      kind: 'offering',
      purpose: isMoving(conv.phase) ? 'move' : 'book',
      slots: slots.map((s) => s.start),
    },
    asks: { ...conv.asks, booking: (conv.asks.booking ?? 0) + 1 },
  };
  return {
    conversation,
    output: {
      type: 'reply',
      parts: [...before, ...parts],
      expecting: 'booking',
      quickReplies: labels.map((label) => ({ label, value: label })),
      final: false,
    },
  };
}

/**
 * The slots to offer again while an offer is open: those just offered that are still free, in
 * their order, topped up with the next free ones; the first free slots when none was offered.
 */
export function currentOffer(
  conv: Conversation,
  free: readonly FreeSlot[],
  count: number,
): FreeSlot[] {
  const still = offeredSlots(conv.phase)
    .map((start) => free.find((s) => s.start === start))
    .filter((s): s is FreeSlot => s !== undefined);
  if (still.length === 0) return free.slice(0, count);
  const more = free
    .filter(
      (s) => !still.includes(s) && Date.parse(s.start) > Date.parse(still.at(-1)?.start ?? ''),
    )
    .slice(0, Math.max(0, count - still.length));
  return [...still, ...more];
}
