import { z } from 'zod';
import { AUTHORITY_LEVELS, BUDGET_PERIODS } from '../../lead/field-paths.js';

/**
 * One proposed value with the visitor's words it came from. Nullable, never optional: OpenAI's
 * strict structured outputs require every property, and "not said" is an explicit null.
 */
function said<T extends z.ZodType>(value: T, description: string) {
  return z
    .strictObject({
      value,
      evidence: z
        .string()
        .describe(
          "the visitor's exact words this value comes from, copied from their last message",
        ),
    })
    .nullable()
    .describe(description);
}

/**
 * What the model may propose for one visitor message: field values with evidence, and signals.
 * There is deliberately no score, grade or stage here: those are computed by the engine from
 * validated fields, so no answer of the model can set them. Values are checked again after the
 * model (field schemas, normalizers, evidence), so this schema only fixes the shape.
 */
export const LlmExtractionSchema = z.strictObject({
  contact: z.strictObject({
    name: said(z.string(), "the visitor's own full name, as they wrote it"),
    email: said(z.string(), "the visitor's email address"),
    phone: said(z.string(), "the visitor's phone number, with country code when they gave one"),
  }),
  company: z.strictObject({
    name: said(z.string(), "the name of the visitor's company or organisation"),
    size: said(z.number(), 'number of employees; for a range, its lower end'),
    industry: said(z.string(), "the company's industry, in a few words"),
  }),
  authority: z.strictObject({
    role: said(z.string(), "the visitor's job title or role, as they said it"),
    level: said(
      z.enum(AUTHORITY_LEVELS),
      'decision_maker: signs off on purchases; influencer: recommends to someone who decides; researcher: no buying role (student, intern, job seeker, just curious)',
    ),
  }),
  budget: z.strictObject({
    amount: said(
      z.number(),
      'the budget as a plain number in currency units (k = 1,000, m = 1,000,000); for "under X" or a range, the stated or lower bound',
    ),
    currency: said(
      z.string(),
      'ISO 4217 code of the budget currency, only when the visitor named or symbolised one',
    ),
    period: said(z.enum(BUDGET_PERIODS), 'monthly, yearly or one_time, only when the visitor said'),
    status: said(
      z.enum(['stated', 'none']),
      'stated when they gave a budget; none when they said there is no budget or nothing allocated',
    ),
  }),
  need: z.strictObject({
    summary: said(z.string(), 'the problem they want solved, in their own words (one sentence)'),
  }),
  timeline: z.strictObject({
    targetDate: said(
      z.string(),
      'the date they want to be live by, as YYYY-MM-DD, resolved against today; "ASAP" or "now" is today',
    ),
    noPlan: said(z.boolean(), 'true when they said there is no timeline or no plan to buy'),
  }),
  intent: z.strictObject({
    demo: said(z.boolean(), 'true when they asked for a demo, a sales call or a walkthrough'),
  }),
  consent: z.strictObject({
    contact: said(z.boolean(), 'true when they agreed to be contacted; false when they refused'),
  }),
  signals: z.strictObject({
    declined: z.boolean().describe('they declined or could not answer the question just asked'),
    wantsHuman: z.boolean().describe('they asked to talk to a person'),
    question: z.string().nullable().describe('a question of their own they asked, in their words'),
  }),
});

export type LlmExtraction = z.output<typeof LlmExtractionSchema>;

/** The name OpenAI shows for the schema (letters, digits, underscores). */
export const EXTRACTION_SCHEMA_NAME = 'lead_extraction';

/** One field definition for the system prompt: the group.key path and what it means. */
export type FieldDefinition = { path: string; meaning: string };

/** The field definitions of the schema, in order, for prompts/extract-system.hbs. */
export function fieldDefinitions(): FieldDefinition[] {
  const out: FieldDefinition[] = [];
  for (const [group, groupSchema] of Object.entries(LlmExtractionSchema.shape)) {
    if (group === 'signals') continue;
    for (const [key, field] of Object.entries(groupSchema.shape)) {
      out.push({ path: `${group}.${key}`, meaning: field.description ?? '' });
    }
  }
  return out;
}
