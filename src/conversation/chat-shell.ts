import type { KeyedQueue } from '../lib/keyed-queue.js';
import type { Calendar } from '../booking/calendar.js';
import type { BookingGuard } from '../booking/booking-guard.js';
import type { Config } from '../config/config-schema.js';
import type { Extractor } from '../extract/extractor.js';
import type { Phraser } from '../llm/phraser.js';
import type { ServerSecret } from '../lib/server-secret.js';
import type { Store } from '../store/store.js';
import type { AgentEvent } from './chat-service.js';
import type { Conversation } from './conversation-schema.js';
import type { Renderer } from './reply-renderer.js';
import type { RunTurn } from './run-turn.js';

export type ChatServiceDeps = {
  config: Config;
  store: Store;
  extractor: Extractor;
  /** Used for a turn when `extractor` fails (LLM mode); rules mode passes the same extractor. */
  fallback: Extractor;
  renderer: Renderer;
  /** The knowledge-file answer to a visitor's question, or null. */
  answer: (question: string) => string | null;
  calendar: Calendar;
  /** LLM mode: rephrases and streams the template wording; null in rules mode. */
  phraser?: Phraser | null;
  clock: () => Date;
  newId: () => string;
  /** The server secret: signs the meeting links in replies (one of this process's own when absent). */
  secret?: ServerSecret | undefined;
  onError?: (error: unknown, where: string) => void;
  /**
   * The per-conversation queue; pass the same one to every other writer of conversations (the
   * booking page) so that no save of theirs lands in the middle of a turn. Its own by default.
   */
  queue?: KeyedQueue;
  /** Limits on bookings and holds per client and conversation; none in the CLI and the eval. */
  bookingGuard?: BookingGuard | undefined;
  /**
   * Live takeover (console/live/rep-desk.ts): whether a rep (role rep or admin) is connected to
   * the console, and where a visitor told "someone is coming" waits for one to join. Without
   * it nobody is online: a request for a person hears that at once, with the next step.
   */
  reps?: RepDesk | undefined;
};

/** The console's reps as the chat sees them. */
export type RepDesk = {
  online(): boolean;
  /** The visitor of `conversationId` was told someone is coming (called once that is saved). */
  awaited(conversationId: string): void;
};

/** What the parts of the chat service share: its deps, the session queue, the turn. */
export type ChatShell = {
  deps: ChatServiceDeps;
  /** Runs `task` after every earlier task of the same session: one conversation's saves never interleave. */
  serialize<T>(id: string, task: () => Promise<T>): Promise<T>;
  /** The stored conversation; AppError('SESSION_NOT_FOUND') when there is none. */
  load(id: string): Promise<Conversation>;
  runTurn: RunTurn;
  /**
   * The reply to one visitor message in `conv` (which holds it): read it, run the turn,
   * phrase, save the conversation with the replies, then emit them. Throws when any step fails
   * (AppError('STALE_WRITE') when the conversation changed since `conv` was read).
   */
  respond(
    conv: Conversation,
    messageId: string,
    text: string,
    emit: (e: AgentEvent) => void,
  ): Promise<Conversation>;
};
