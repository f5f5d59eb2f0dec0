import { EMPTY_CONSOLE_STATE } from '../console/console-state.js';
import type { Visitor } from '../lead/visitor.js';
import type { Conversation } from './conversation-schema.js';
import { qualifying } from './phase.js';

/**
 * A conversation that has not begun: no lead, no messages, nothing asked, never saved (version
 * 0). The one place a fresh conversation is written out; the engine's `start` greets in it.
 *
 * @example newConversation({ id: 'c1', visitor, now: new Date() })
 */
export function newConversation({
  id,
  visitor,
  now,
}: {
  id: string;
  visitor: Visitor;
  now: Date;
}): Conversation {
  const at = now.toISOString();
  return {
    schemaVersion: 2,
    id,
    version: 0,
    createdAt: at,
    updatedAt: at,
    visitor,
    lead: {},
    messages: [],
    phase: qualifying(),
    asks: {},
    declined: [],
    meeting: null,
    handoffRequested: false,
    qualifiedAt: null,
    outbox: [],
    console: structuredClone(EMPTY_CONSOLE_STATE),
    stageHistory: {},
  };
}
