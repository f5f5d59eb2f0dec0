import { z } from 'zod';
import { AssignmentsSchema } from '../experiments/experiment.js';
import { LeadSchema, type Lead } from '../lead/lead-record.js';
import { SLOTS } from '../lead/slots.js';
import { VisitorSchema } from '../lead/visitor.js';
import { ConsoleStateSchema, LeadReviewSchema } from '../console/console-state.js';
import { StageHistorySchema } from '../analytics/stage-history-schema.js';

export const QuickReplySchema = z.object({ label: z.string(), value: z.string() });
export type QuickReply = z.infer<typeof QuickReplySchema>;

/**
 * One message of the transcript, as stored and as sent to the widget on resume. `rep`: a
 * console user who took the chat over wrote it, shown under their display name (`name`).
 */
export const ChatMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['visitor', 'agent', 'rep']),
  /** The rep's display name (role `rep` only). */
  name: z.string().optional(),
  text: z.string(),
  at: z.iso.datetime(),
  clientId: z.string().optional(),
  expecting: z.enum(SLOTS).nullable().optional(),
  quickReplies: z.array(QuickReplySchema).optional(),
  final: z.boolean().optional(),
  /** Agent messages: the template (its last part) and template version that produced it. */
  template: z.string().optional(),
  version: z.number().int().min(1).optional(),
  /** Agent messages: the experiment variant (`A` the control, `B`, ...) that chose the version. */
  variant: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** A meeting held or booked for this conversation (see src/booking). */
export const MeetingSchema = z.object({
  id: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  repId: z.string(),
  status: z.enum(['booked', 'canceled']),
  bookedAt: z.iso.datetime(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** A handoff event waiting in the outbox, written in the same store write as the state change. */
export const OutboxEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.iso.datetime(),
  conversationId: z.string(),
  /**
   * `lead.question_unanswered`: the question in the visitor's words, the message it came from,
   * and its words normalized (`key`), which tell a repeat of the same question.
   */
  question: z
    .object({ text: z.string(), at: z.iso.datetime(), messageId: z.string(), key: z.string() })
    .optional(),
  /** `lead.reviewed`: the verdict, the reason and the rep who gave them. */
  review: LeadReviewSchema.optional(),
});
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;

/**
 * Where the conversation stands: exactly one of these at a time (XState's flight booker and
 * Typebot's current block are the models). The facts (lead, asks, meeting, ...) live beside it
 * on the conversation; what the chat waits for (`expecting`) is derived from it (see phase.ts).
 * - `qualifying`: asking the qualifying slots; `asked` is the slot just asked, or null.
 * - `offering`: meeting times are offered, to book a first meeting or to move the booked one;
 *   `slots` are the offered start times (ISO), in quick-reply order.
 * - `confirmingCancel`: the chat asked "Cancel your meeting on ...?" and waits for a yes or no.
 * - `askingConsent`: the nurture close asked whether the team may follow up.
 * - `ended`: the chat is over; a meeting request or change can still reopen it.
 */
export const PhaseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qualifying'), asked: z.enum(SLOTS).exclude(['booking']).nullable() }),
  z.object({
    kind: z.literal('offering'),
    purpose: z.enum(['book', 'move']),
    slots: z.array(z.iso.datetime()),
  }),
  z.object({ kind: z.literal('confirmingCancel') }),
  z.object({ kind: z.literal('askingConsent') }),
  z.object({ kind: z.literal('ended') }),
]);
export type Phase = z.infer<typeof PhaseSchema>;

/**
 * The whole stored state of one conversation. The engine reads and returns it. Schema version
 * 2 keeps the position in `phase`; documents of version 1 are migrated when read
 * (migrate-conversation.ts).
 */
export const ConversationSchema = z.object({
  schemaVersion: z.literal(2).default(2),
  id: z.string(),
  version: z.number().int().nonnegative().default(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  visitor: VisitorSchema,
  lead: LeadSchema,
  messages: z.array(ChatMessageSchema),
  phase: PhaseSchema.default({ kind: 'qualifying', asked: null }),
  /** How many times each slot has been asked. */
  asks: z.partialRecord(z.enum(SLOTS), z.number().int().nonnegative()).default({}),
  /** Slots the visitor declined or could not answer; never asked again. */
  declined: z.array(z.enum(SLOTS)).default([]),
  meeting: MeetingSchema.nullable().default(null),
  handoffRequested: z.boolean().default(false),
  qualifiedAt: z.iso.datetime().nullable().default(null),
  outbox: z.array(OutboxEventSchema).default([]),
  /**
   * SHA-256 of the visitor's resume token's verifier (session-secret.ts); the token itself is
   * never stored. Absent on conversations stored before tokens: their id was the widget's
   * sessionId, which resumes them once and is then replaced by a token (hello.ts).
   */
  sessionHash: z.string().optional(),
  /** The keyed hash of the client's IP at its last hello (booking limits); never the IP itself. */
  clientKey: z.string().optional(),
  /**
   * With `booking.confirmEmail`: the slot held for the visitor until they confirm from the email
   * (`until`); it becomes `meeting` when they do. Absent otherwise.
   */
  heldMeeting: z
    .object({
      id: z.string(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      repId: z.string(),
      until: z.iso.datetime(),
    })
    .optional(),
  /** The email address the visitor proved they read (a confirm link opened and confirmed). */
  verifiedEmail: z.string().optional(),
  /** The console's part: assignment, review, notes, rep actions, takeover (console-state.ts). */
  console: ConsoleStateSchema.prefault({}),
  /** The first time each funnel stage was reached (analytics; src/analytics/record-stages.ts). */
  stageHistory: StageHistorySchema.prefault({}),
  /** The experiment variants assigned to it, per experiment id (src/experiments). */
  experiments: AssignmentsSchema.optional(),

  /** Visitor messages the LLM could not read, read by the rules instead (analytics; respond.ts). */
  llmFallbacks: z.number().int().nonnegative().optional(),
});
export type Conversation = Omit<z.output<typeof ConversationSchema>, 'lead'> & { lead: Lead };
