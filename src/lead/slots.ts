import type { Lead } from './lead-record.js';
import type { FieldPath } from './field-paths.js';

export const SLOTS = [
  'need',
  'authority',
  'company',
  'budget',
  'timeline',
  'contact',
  'booking',
] as const;
export type Slot = (typeof SLOTS)[number];
export type QualifyingSlot = Exclude<Slot, 'booking'>;

/** The fields that fill each slot (DESIGN.md "Slots and the conversation"). */
export const SLOT_FIELDS: Record<QualifyingSlot, readonly FieldPath[]> = {
  need: ['need.summary'],
  authority: ['authority.level'],
  company: ['company.name', 'company.size'],
  budget: ['budget.amount'],
  timeline: ['timeline.bucket'],
  contact: ['contact.name', 'contact.email'],
};

/** The fields of a slot still missing; empty when the slot is filled. */
export function missingFields(lead: Lead, slot: QualifyingSlot): FieldPath[] {
  if (slot === 'budget' && lead['budget.status']?.value === 'none') return [];
  return SLOT_FIELDS[slot].filter((p) => lead[p] === undefined);
}

export function isSlotFilled(lead: Lead, slot: QualifyingSlot): boolean {
  return missingFields(lead, slot).length === 0;
}
