import { z } from 'zod';

/** What an experiment is judged on (DESIGN.md "Prompt versions and experiments"). */
export const GOALS = ['answered', 'mql', 'sql', 'booked'] as const;
export type Goal = (typeof GOALS)[number];

/** Variant names in order: the first variant (`A`) is the control. */
export const VARIANT_NAMES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export const VariantSchema = z.object({
  /** `A`, `B`, ...: what agent messages record as their `variant`. */
  name: z.string().min(1).max(8),
  /** The template version this variant serves (1 is the file). */
  version: z.number().int().min(1),
  /** Its share of the conversations, relative to the other variants' weights. */
  weight: z.number().int().min(1).max(1000),
});
export type Variant = z.output<typeof VariantSchema>;

/** Who started or stopped an experiment. */
const ByUser = z.object({ email: z.string().min(1), name: z.string() });

/**
 * An A/B experiment on one template: its variants (the first is the control), its goal, and
 * whether it still runs. At most one experiment runs per template at a time.
 */
export const ExperimentSchema = z.object({
  id: z.string().min(1),
  /** A plain string when stored: a template the code dropped must not make the file unreadable. */
  template: z.string().min(1),
  variants: z.array(VariantSchema).min(2).max(VARIANT_NAMES.length),
  goal: z.enum(GOALS),
  status: z.enum(['running', 'stopped']),
  startedAt: z.iso.datetime(),
  startedBy: ByUser,
  stoppedAt: z.iso.datetime().nullable().default(null),
  stoppedBy: ByUser.nullable().default(null),
  /** The version published as the live one when it was stopped by a promotion; null otherwise. */
  promoted: z.number().int().min(1).nullable().default(null),
});
export type Experiment = z.output<typeof ExperimentSchema>;

/** What starting an experiment gives: versions and weights, in order (the control first). */
export const ExperimentDraftSchema = z.strictObject({
  variants: z
    .array(
      z.strictObject({
        version: z.number().int().min(1),
        weight: z.number().int().min(1).max(1000),
      }),
    )
    .min(2, 'an experiment needs at least two variants')
    .max(VARIANT_NAMES.length, `at most ${VARIANT_NAMES.length} variants`)
    .refine(
      (vs) => new Set(vs.map((v) => v.version)).size === vs.length,
      'each variant must be a different version',
    ),
  goal: z.enum(GOALS),
});
export type ExperimentDraft = z.output<typeof ExperimentDraftSchema>;

/** A conversation's variant in one experiment, stored on the conversation when first rendered. */
export const AssignmentSchema = z.object({
  variant: z.string(),
  version: z.number().int().min(1),
  at: z.iso.datetime(),
});
export type Assignment = z.output<typeof AssignmentSchema>;
/** `conversation.experiments`: the assignment per experiment id. */
export const AssignmentsSchema = z.record(z.string(), AssignmentSchema);
export type Assignments = z.output<typeof AssignmentsSchema>;
