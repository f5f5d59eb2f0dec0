import { z } from 'zod';
import { LeadSchema, type Lead } from '../lead/lead-record.js';
import { SLOTS } from '../lead/slots.js';
import { VisitorSchema } from '../lead/visitor.js';

export const QuickReplySchema = z.object({ label: z.string(), value: z.string() });
export type QuickReply = z.infer<typeof QuickReplySchema>;

/** One message of the transcript, as stored and as sent to the widget on resume. */
export const ChatMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['visitor', 'agent']),
  text: z.string(),
  at: z.iso.datetime(),
  clientId: z.string().optional(),
  expecting: z.enum(SLOTS).nullable().optional(),
  quickReplies: z.array(QuickReplySchema).optional(),
  final: z.boolean().optional(),
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
});
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;

/** The whole stored state of one conversation. The engine reads and returns it. */
export const ConversationSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  id: z.string(),
  version: z.number().int().nonnegative().default(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  visitor: VisitorSchema,
  lead: LeadSchema,
  messages: z.array(ChatMessageSchema),
  /** How many times each slot has been asked. */
  asks: z.partialRecord(z.enum(SLOTS), z.number().int().nonnegative()).default({}),
  /** Slots the visitor declined or could not answer; never asked again. */
  declined: z.array(z.enum(SLOTS)).default([]),
  expecting: z.enum(SLOTS).nullable().default(null),
  status: z.enum(['active', 'ended']).default('active'),
  /** Meeting start times (ISO) offered in the last booking question, in quick-reply order. */
  offeredSlots: z.array(z.iso.datetime()).default([]),
  meeting: MeetingSchema.nullable().default(null),
  handoffRequested: z.boolean().default(false),
  /** The meeting question is about moving the booked meeting, not booking a new one. */
  rescheduling: z.boolean().default(false),
  /** The chat asked "Cancel your meeting on ...?" and waits for a yes or no; nothing is canceled before. */
  confirmingCancel: z.boolean().optional(),
  /** The nurture close asked permission to follow up and waits for a yes or no. */
  consentAsked: z.boolean().default(false),
  qualifiedAt: z.iso.datetime().nullable().default(null),
  outbox: z.array(OutboxEventSchema).default([]),
});
export type Conversation = Omit<z.output<typeof ConversationSchema>, 'lead'> & { lead: Lead };
