import { slotLabel, type FreeSlot } from '../booking/availability.js';
import { getField } from '../lead/lead-record.js';
import { missingFields, type QualifyingSlot } from '../lead/slots.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineOutput, ReplyPart } from './engine-types.js';

/** The question part for a qualifying slot: a partly filled slot asks only for what is missing. */
export function askPart(conv: Conversation, slot: QualifyingSlot): ReplyPart {
  const retry = (conv.asks[slot] ?? 0) > 0;
  const missing = missingFields(conv.lead, slot);
  if (slot === 'company') {
    return {
      template: 'ask-company',
      vars: { retry, missingName: missing.includes('company.name'), missingSize: missing.includes('company.size'), companyName: getField(conv.lead, 'company.name') ?? null },
    };
  }
  if (slot === 'contact') {
    return { template: 'ask-contact', vars: { retry, missingName: missing.includes('contact.name'), missingEmail: missing.includes('contact.email') } };
  }
  const template = ({ need: 'ask-need', authority: 'ask-authority', budget: 'ask-budget', timeline: 'ask-timeline' } as const)[slot];
  return { template, vars: { retry } };
}

/** Records that a slot is being asked and returns the conversation with its counters moved. */
export function markAsked(conv: Conversation, slot: QualifyingSlot | 'booking'): Conversation {
  return { ...conv, expecting: slot, asks: { ...conv.asks, [slot]: (conv.asks[slot] ?? 0) + 1 } };
}

/** The meeting question with the offered slots as quick replies, labelled in the visitor's zone. */
export function bookingReply(conv: Conversation, before: ReplyPart[], slots: readonly FreeSlot[]): { conversation: Conversation; output: EngineOutput } {
  const { timezone, locale } = conv.visitor;
  const labels = slots.map((s) => slotLabel(s.start, timezone, locale));
  const part: ReplyPart = { template: 'ask-booking', vars: { retry: (conv.asks.booking ?? 0) > 0, timezone, slots: labels.map((label) => ({ label })) } };
  const conversation = { ...markAsked(conv, 'booking'), offeredSlots: slots.map((s) => s.start) };
  return {
    conversation,
    output: { type: 'reply', parts: [...before, part], expecting: 'booking', quickReplies: labels.map((label) => ({ label, value: label })), final: false },
  };
}
