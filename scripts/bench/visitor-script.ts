import type { QuickReply } from '../../src/conversation/conversation-schema.js';
import type { QualifyingSlot, Slot } from '../../src/lead/slots.js';

/** One simulated visitor: where they land and how they answer each qualifying question. */
export type Persona = {
  visitor: {
    timezone: string;
    locale: string;
    page: string | null;
    referrer: string | null;
    utm: Record<string, string> | null;
  };
  answers: Record<QualifyingSlot, string>;
};

/**
 * A few visitors in our own words (fictional companies, example domains): a qualified buyer who
 * reaches the meeting offer, a mid-size influencer, a small team on a tight budget and a student
 * with no buying role, so the server runs its whole range of extraction and scoring work.
 */
export const PERSONAS: readonly Persona[] = [
  {
    visitor: {
      timezone: 'America/Chicago',
      locale: 'en-US',
      page: 'https://beacon.example/pricing',
      referrer: null,
      utm: { utm_source: 'newsletter' },
    },
    answers: {
      need: 'Inbound requests pile up over the weekend and our reps only see them on Monday',
      authority: 'I am the VP of Sales, the purchase is my decision',
      company: 'Harborline Logistics, about 350 employees',
      budget: 'We can spend roughly $40k per year on this',
      timeline: 'Ideally we are live within the next three weeks',
      contact: 'Priya Castellanos, priya.castellanos@harborline.example',
    },
  },
  {
    visitor: {
      timezone: 'Europe/London',
      locale: 'en-GB',
      page: 'https://beacon.example/features',
      referrer: 'https://search.example/',
      utm: null,
    },
    answers: {
      need: 'We want to qualify trial sign-ups before a rep spends time on them',
      authority: 'I lead marketing operations and I will recommend a tool to our COO',
      company: 'Fernwick Studios, a team of 60',
      budget: 'Around 900 pounds a month',
      timeline: 'Sometime next quarter',
      contact: 'Owen Marchetti, owen@fernwick.example',
    },
  },
  {
    visitor: {
      timezone: 'Australia/Sydney',
      locale: 'en-AU',
      page: 'https://beacon.example/',
      referrer: null,
      utm: null,
    },
    answers: {
      need: 'Our contact form gets spam and real buyers get lost in it',
      authority: 'I own the business',
      company: 'Tallowby Bakery Supplies, 12 people',
      budget: 'Maybe 150 dollars a month, not more',
      timeline: 'No rush, probably later this year',
      contact: 'Mia Okonkwo, mia.okonkwo@tallowby.example',
    },
  },
  {
    visitor: {
      timezone: 'Asia/Kolkata',
      locale: 'en-IN',
      page: 'https://beacon.example/blog/chat-qualification',
      referrer: null,
      utm: null,
    },
    answers: {
      need: 'For a class project we need to understand how websites qualify leads in chat',
      authority: 'I am a student, I do not buy anything',
      company: 'Not a company, just my course at Ridgeview College with 3 of us in the group',
      budget: 'There is no budget',
      timeline: 'We have no timeline for buying anything',
      contact: 'Arjun Velasco, arjun.velasco@ridgeview.example',
    },
  },
];

/** A persona per conversation index, round-robin, so every run mixes the same way. */
export function personaFor(index: number): Persona {
  const persona = PERSONAS[index % PERSONAS.length];
  if (!persona) throw new Error('unreachable: PERSONAS is not empty');
  return persona;
}

/**
 * What the visitor says when the agent expects `slot`: the persona's answer; the first offered
 * meeting for the booking question (quick replies carry the exact value); the first quick reply
 * to a question outside the slots (the follow-up consent); their need when the agent asks
 * nothing in particular. Null when there is nothing sensible to say.
 */
export function answerFor(
  persona: Persona,
  slot: Slot | null,
  quickReplies: readonly QuickReply[],
): string | null {
  if (slot === 'booking') return quickReplies[0]?.value ?? null;
  if (slot === null && quickReplies.length > 0) return quickReplies[0]?.value ?? null;
  return persona.answers[slot ?? 'need'];
}
