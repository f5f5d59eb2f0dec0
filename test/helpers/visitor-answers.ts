import type { QuickReply } from '../../src/conversation/conversation-schema.js';
import type { Slot } from '../../src/lead/slots.js';

/**
 * A qualified visitor's answer to each question, in our own words (fictional company, example
 * domain): rich enough that the real engine fills every slot, reaches SQL and offers a meeting.
 */
export const QUALIFIED_ANSWERS: Record<Exclude<Slot, 'booking'>, string> = {
  need: 'Our website chat goes unanswered at night and we lose inbound demo requests',
  authority: 'I am the Head of Sales and I make the final call on our sales tools',
  company: 'Quillstone Analytics, we have about 240 employees',
  budget: 'We have set aside around $30,000 a year for this',
  timeline: 'We need it running within the next two weeks',
  contact: 'Robin Ashby, robin.ashby@quillstone.example',
};

/**
 * What the simulated visitor says when the agent expects `slot`: the table above; for the
 * booking question the first offered slot (quick replies carry the exact value to send); and
 * after a greeting that asks nothing (`null`), the visitor opens with their need.
 */
export function answerFor(
  slot: Slot | null,
  quickReplies: readonly QuickReply[],
): { text: string; label: string } | null {
  if (slot === 'booking') {
    const first = quickReplies[0];
    return first ? { text: first.value, label: first.label } : null;
  }
  const text = QUALIFIED_ANSWERS[slot ?? 'need'];
  return { text, label: text };
}
