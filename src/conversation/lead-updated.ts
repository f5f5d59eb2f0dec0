import { leadValues, type Lead } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import { withEvent } from './engine-support.js';
import type { EngineContext, Transition } from './engine-types.js';

/**
 * A rep follows up a qualified lead and a visitor who asked for a person. The message that makes
 * it so sends its own event (`lead.qualified`, `lead.handoff_requested`) with the record as it is.
 */
function followedUp(conv: Conversation): boolean {
  return conv.qualifiedAt !== null || conv.handoffRequested;
}

/** Values only: a rep cares about what the lead said, not which message it came from. */
function leadChanged(before: Lead, after: Lead): boolean {
  return JSON.stringify(leadValues(before)) !== JSON.stringify(leadValues(after));
}

/**
 * Queues `lead.updated` when a message changed the record of a lead a rep follows up, before
 * and after it (the email given after "talk to a human" reaches the CRM), in the same save as
 * the change.
 */
export function withLeadUpdated(
  before: Conversation,
  t: Transition,
  now: Date,
  ctx: Pick<EngineContext, 'newId'>,
): Transition {
  const after = t.conversation;
  if (!followedUp(before) || !followedUp(after) || !leadChanged(before.lead, after.lead)) return t;
  return { ...t, conversation: withEvent(after, 'lead.updated', now, ctx) };
}
