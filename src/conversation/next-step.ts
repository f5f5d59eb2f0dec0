import type { Config } from '../config/config-schema.js';
import { missingFields, type QualifyingSlot } from '../lead/slots.js';
import type { Conversation } from './conversation-schema.js';

/** The most times the meeting question is put (first offer, then alternatives). */
export const MAX_BOOKING_ASKS = 3;

/**
 * The first qualifying slot, in the configured order, that is still missing fields, was not
 * declined and has not been asked the maximum number of times; null when none is left.
 */
export function nextQualifyingSlot(conv: Conversation, config: Config): QualifyingSlot | null {
  for (const slot of config.slots) {
    if (missingFields(conv.lead, slot).length === 0) continue;
    if (conv.declined.includes(slot)) continue;
    if ((conv.asks[slot] ?? 0) >= config.maxAsksPerSlot) continue;
    return slot;
  }
  return null;
}
