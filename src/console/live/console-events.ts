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
 * Takeover (takeover-events.ts), each `{ conversationId, ... }` with the same ack; reps and
 * admins only (a marketer gets FORBIDDEN):
 * - `join`: the rep takes the chat over (the bot stops answering; the widget shows "<Name>
 *   joined the chat"); the socket then watches the conversation. A chat another rep holds is
 *   refused with CONFLICT naming them.
 * - `message` `{ conversationId, text }`: to the visitor under the rep's name (the same length
 *   limit as a visitor's message); stored in the transcript. Only the rep who joined.
 * - `typing` `{ conversationId, on }`: the rep's typing, shown in the widget with their name.
 * - `handBack`: the bot resumes at the next open slot ("<Name> left the chat").
 * Server to console, to sockets watching the conversation: `visitor:typing`
 * `{ conversationId, on }`.
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
  'visitor:typing': (payload: { conversationId: string; on: boolean }) => void;
};

export type ConsoleAck = { ok: true } | { ok: false; error: ErrorBody };

export const WatchPayloadSchema = z.object({ conversationId: z.string().min(1).max(128) });
