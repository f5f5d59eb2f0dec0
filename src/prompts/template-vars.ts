import { z } from 'zod';

/** Variables every template sees. */
const base = {
  /** The vendor's name, from config (default "Beacon"). */
  company: z.string().min(1),
  /** The assistant's display name, from config. */
  agentName: z.string().min(1),
  /** The visitor's first name once known. */
  firstName: z.string().min(1).nullable(),
};
const retry = z.boolean().describe('true the second time this slot is asked: rephrase, shorter');

/**
 * The variables of every template in `prompts/`, one zod object per template. A template may
 * use only these names (checked by `checkPrompts`), and `render` validates the values the
 * engine passes against them.
 */
export const TEMPLATE_VARS = {
  greeting: z.object({ ...base }),
  'ask-need': z.object({ ...base, retry }),
  'ask-authority': z.object({ ...base, retry }),
  'ask-company': z.object({
    ...base,
    retry,
    missingName: z.boolean(),
    missingSize: z.boolean(),
    companyName: z.string().min(1).nullable(),
  }),
  'ask-budget': z.object({ ...base, retry }),
  'ask-timeline': z.object({ ...base, retry }),
  'ask-contact': z.object({
    ...base,
    retry,
    missingName: z.boolean(),
    missingEmail: z.boolean(),
    forHandoff: z.boolean(),
  }),
  'ask-booking': z.object({
    ...base,
    retry,
    timezone: z.string().min(1),
    slots: z.array(z.object({ label: z.string().min(1) })),
  }),
  ack: z.object({ ...base, declined: z.boolean(), learned: z.array(z.string().min(1)) }),
  'answer-question': z.object({
    ...base,
    question: z.string(),
    answer: z.string().min(1).nullable(),
  }),
  'handoff-human': z.object({
    ...base,
    hasEmail: z.boolean(),
    canBook: z
      .boolean()
      .default(false)
      .describe('true: the lead may book a meeting now, and times follow this message'),
  }),
  'handoff-coming': z.object({ ...base }),
  booked: z.object({
    ...base,
    when: z.string().min(1),
    repName: z.string().min(1),
    icsUrl: z.string().min(1),
    manageUrl: z.string().min(1),
  }),
  'slot-unavailable': z.object({
    ...base,
    requested: z.string().min(1).nullable(),
    several: z
      .boolean()
      .describe('true: the visitor named a day or part of a day with several open times'),
    outsideHours: z
      .boolean()
      .default(false)
      .describe(
        'true: nobody on the team works at the time asked for (a night, a weekend, a holiday)',
      ),
    beyondHorizon: z
      .boolean()
      .default(false)
      .describe('true: the time asked for is further ahead than bookings open'),
    horizonDays: z
      .number()
      .int()
      .positive()
      .default(14)
      .describe('how many days ahead meetings can be booked'),
  }),
  'booking-later': z.object({ ...base }),
  'booking-limited': z.object({ ...base }),
  'booking-held': z.object({
    ...base,
    when: z.string().min(1),
    repName: z.string().min(1),
    email: z.string().describe('where the confirmation email went'),
    minutes: z.number().int().positive().describe('how long the time is held unconfirmed'),
  }),
  'booking-unclear': z.object({ ...base }),
  'confirm-cancel': z.object({ ...base, when: z.string().min(1) }),
  'meeting-links': z.object({
    ...base,
    when: z.string().min(1),
    repName: z.string().min(1),
    icsUrl: z.string().min(1),
    manageUrl: z.string().min(1),
  }),
  'meeting-started': z.object({
    ...base,
    when: z.string().min(1),
    over: z.boolean().describe('true: the meeting has already ended'),
  }),
  'ask-consent': z.object({
    ...base,
    resourceTitle: z.string().min(1),
    resourceUrl: z.string().min(1),
  }),
  'consent-reply': z.object({ ...base, agreed: z.boolean() }),
  rescheduled: z.object({
    ...base,
    when: z.string().min(1),
    icsUrl: z.string().min(1),
    manageUrl: z.string().min(1),
  }),
  'meeting-canceled': z.object({ ...base }),
  'meeting-unchanged': z.object({ ...base, when: z.string().min(1) }),
  'close-nurture': z.object({
    ...base,
    resourceTitle: z.string().min(1),
    resourceUrl: z.string().min(1),
    stage: z.string().min(1),
  }),
  'close-researcher': z.object({
    ...base,
    resourceTitle: z.string().min(1),
    resourceUrl: z.string().min(1),
  }),
  'after-close': z.object({ ...base }),
  // LLM mode (src/extract/llm, src/llm). No firstName here: these are system prompts, and
  // nothing the visitor typed may go into a system prompt.
  'extract-system': z.object({
    company: base.company,
    agentName: base.agentName,
    today: z.string().min(1).describe("today's date (YYYY-MM-DD) in the visitor's time zone"),
    weekday: z.string().min(1),
    timezone: z.string().min(1),
    fiscalYearEnd: z.string().min(1).describe('the month the fiscal year ends, e.g. "December"'),
    expecting: z.string().min(1).nullable().describe('what the agent just asked about, in words'),
    fields: z.array(z.object({ path: z.string().min(1), meaning: z.string().min(1) })),
  }),
  'reply-system': z.object({
    company: base.company,
    agentName: base.agentName,
    language: z
      .string()
      .min(1)
      .nullable()
      .describe('the language of the visitor\'s browser, e.g. "French"'),
    goal: z.string().min(1).nullable().describe('what the next question asks about, in words'),
    asked: z.boolean().describe('the visitor asked a question of their own'),
    knowledge: z.array(z.object({ question: z.string().min(1), answer: z.string().min(1) })),
  }),
} as const;

export type TemplateName = keyof typeof TEMPLATE_VARS;
/** What the engine passes to `render(name, vars)`. */
export type TemplateVars<N extends TemplateName> = z.input<(typeof TEMPLATE_VARS)[N]>;

// Object.keys loses the key type; TEMPLATE_VARS is a literal object, so every key is a TemplateName.
export const TEMPLATE_NAMES = Object.keys(TEMPLATE_VARS) as TemplateName[];

export function isTemplateName(s: string): s is TemplateName {
  return Object.hasOwn(TEMPLATE_VARS, s);
}
