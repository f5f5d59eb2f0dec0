import { z } from 'zod';
import type { ErrorBody } from '../../server/socket-events.js';

/**
 * The console's socket protocol (namespace `/console`, DESIGN.md "Console" > "Live"). Every
 * console socket is signed in (the session cookie, checked at connect and on every event).
 *
 * Server to console:
 * - `inbox:changed` `{ conversationId }`: a conversation was saved (a message, a stage, a rep
 *   action); inbox pages re-read the rows they show.
 * - `inbox:alert` `{ kind, conversationId, text, at }`: a new SQL lead (`sql`), a request for a
 *   person (`person`), a question the knowledge file could not answer (`question`): the inbox
 *   plays a sound and shows a browser notification when the rep allowed them.
 * - `conversation:changed` `{ conversationId }`: to sockets watching that conversation (a lead
 *   page): re-read the lead.
 *
 * Console to server (each with an ack `{ ok: true } | { ok: false, error }`):
 * - `watch` / `unwatch` `{ conversationId }`: follow one conversation (a lead page).
 * Takeover events (join, message, typing, hand back) are added by the takeover part.
 */
export type InboxAlert = {
  kind: 'sql' | 'person' | 'question';
  conversationId: string;
  text: string;
  at: string;
};

export type ConsoleServerEvents = {
  'inbox:changed': (payload: { conversationId: string }) => void;
  'inbox:alert': (payload: InboxAlert) => void;
  'conversation:changed': (payload: { conversationId: string }) => void;
};

export type ConsoleAck = { ok: true } | { ok: false; error: ErrorBody };

export const WatchPayloadSchema = z.object({ conversationId: z.string().min(1).max(128) });
