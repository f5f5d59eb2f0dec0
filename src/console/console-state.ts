import { z } from 'zod';

/**
 * What a rep did on a lead; `join`, `message`, `review` count for speed to lead. `meeting` is a
 * rep's cancel or move of the lead's meeting from the console.
 */
export const REP_ACTION_KINDS = [
  'join',
  'message',
  'handBack',
  'assign',
  'correct',
  'review',
  'note',
  'meeting',
] as const;
export type RepActionKind = (typeof REP_ACTION_KINDS)[number];

/** One rep action, recorded with who (the console user's email and name) and when. */
export const RepActionSchema = z.object({
  kind: z.enum(REP_ACTION_KINDS),
  by: z.string(),
  byName: z.string(),
  at: z.iso.datetime(),
  /** A short human-readable detail: the field corrected, the rep assigned, the verdict. */
  detail: z.string().optional(),
});
export type RepAction = z.infer<typeof RepActionSchema>;

export const LeadReviewSchema = z.object({
  verdict: z.enum(['accepted', 'rejected']),
  reason: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.iso.datetime(),
});
export type LeadReview = z.infer<typeof LeadReviewSchema>;

export const LeadNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.iso.datetime(),
});
export type LeadNote = z.infer<typeof LeadNoteSchema>;

/** The rep who has joined the chat: while set, the engine does not reply. */
export const TakeoverSchema = z.object({
  by: z.string(),
  name: z.string(),
  since: z.iso.datetime(),
});
export type Takeover = z.infer<typeof TakeoverSchema>;

/**
 * The console's part of a conversation (DESIGN.md "Console"): assignment, review, notes, the
 * log of rep actions and the live takeover. Stored on the conversation, so it is saved in the
 * same compare-and-set write as the chat's own changes.
 */
export const ConsoleStateSchema = z.object({
  /** The console user (email) the lead is assigned to. */
  assignedTo: z.string().nullable().default(null),
  review: LeadReviewSchema.nullable().default(null),
  notes: z.array(LeadNoteSchema).default([]),
  actions: z.array(RepActionSchema).default([]),
  takeover: TakeoverSchema.nullable().default(null),
});
export type ConsoleState = z.infer<typeof ConsoleStateSchema>;

export const EMPTY_CONSOLE_STATE: ConsoleState = Object.freeze({
  assignedTo: null,
  review: null,
  notes: [],
  actions: [],
  takeover: null,
});
