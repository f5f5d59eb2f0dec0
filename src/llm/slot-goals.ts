import type { Slot } from '../lead/slots.js';

/**
 * What each slot's question is about, in words a model reads ("the assistant has just asked
 * about <goal>"). Code-owned, so it never carries visitor text into a system prompt.
 */
export const SLOT_GOALS: Readonly<Record<Slot, string>> = {
  need: 'what they need: the problem they want to solve',
  authority: 'their role and whether they make the buying decision',
  company: 'their company: its name and how many employees it has',
  budget: 'their budget for a tool like this',
  timeline: 'when they want to have a solution in place',
  contact: 'their name and work email',
  booking: 'which meeting time suits them',
};
