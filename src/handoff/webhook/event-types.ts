import { z } from 'zod';

/**
 * Every webhook event type leadbot sends (`noun.past_tense`). A destination's `events` filter
 * names these, a group (`lead.*`, `meeting.*`) or `*`.
 */
export const EVENT_TYPES = [
  'lead.qualified',
  'lead.handoff_requested',
  'lead.updated',
  'meeting.booked',
  'meeting.rescheduled',
  'meeting.canceled',
  'lead.question_unanswered',
  'lead.reviewed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The groups a filter may name with `.*`: the part before the dot of every type. */
export const EVENT_GROUPS = [...new Set(EVENT_TYPES.map((t) => `${t.split('.')[0] ?? t}.*`))];

/** Every pattern a destination's `events` may hold. */
export const EVENT_PATTERNS: readonly string[] = ['*', ...EVENT_GROUPS, ...EVENT_TYPES];

export function isEventType(s: string): s is EventType {
  return (EVENT_TYPES as readonly string[]).includes(s);
}

/**
 * One entry of a destination's `events` filter, checked at start-up: a misspelled type would
 * otherwise match nothing, silently.
 */
export const EventPatternSchema = z.string().superRefine((s, ctx) => {
  if (EVENT_PATTERNS.includes(s)) return;
  ctx.addIssue({
    code: 'custom',
    message: `unknown event type "${s}"; expected one of ${EVENT_PATTERNS.map((p) => `"${p}"`).join(', ')}`,
  });
});
