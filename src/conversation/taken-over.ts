import { applyCandidates } from '../lead/lead-record.js';
import type { Conversation } from './conversation-schema.js';
import type { EngineContext, Transition, VisitorMessage } from './engine-types.js';
import { qualifyIfReady } from './proceed.js';

/**
 * A visitor message while a rep has taken the chat over (`console.takeover`): the record is
 * kept current (the facts applied, `lead.qualified` queued when the lead reaches SQL) and the
 * engine says nothing: the rep answers. Where the chat stands (phase, asks) does not move, so a
 * hand back resumes there. A request for a person is already answered by the rep in the chat.
 */
export function onTakenOver(
  base: Conversation,
  event: VisitorMessage,
  now: Date,
  ctx: EngineContext,
): Transition {
  const applied = applyCandidates(base.lead, event.extraction.candidates, {
    source: event.source,
    messageId: event.messageId,
    at: now.toISOString(),
  });
  return { conversation: qualifyIfReady({ ...base, lead: applied.lead }, now, ctx), outputs: [] };
}
