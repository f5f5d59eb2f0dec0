import { AppError } from '../errors/app-error.js';
import { createKeyedQueue } from '../lib/keyed-queue.js';
import { createAnswerPending } from './answer-pending.js';
import type { ChatService } from './chat-service.js';
import type { ChatServiceDeps, ChatShell } from './chat-shell.js';
import type { Conversation } from './conversation-schema.js';
import { createHello } from './hello.js';
import { createLiveTakeover, type LiveTakeover } from './live-takeover.js';
import { createReceivePaths } from './receive-paths.js';
import { createResponder } from './respond.js';
import { createTurnRunner } from './run-turn.js';
import { createTurnSlots } from './turn-slots.js';

export type { ChatServiceDeps } from './chat-shell.js';

/**
 * The shell around the pure engine, put together from its parts: the turn runner (engine,
 * calendar effects, rendering; run-turn.ts) with the turn's slots (turn-slots.ts), the reading
 * of a visitor message (read-visitor-message.ts), the two receive paths (receive-paths.ts),
 * hello (hello.ts) and pending-reply recovery (answer-pending.ts). One conversation's messages
 * are handled one at a time (a per-session queue); a save refused as stale reruns the turn.
 *
 * @example const chat = createChatService({ config, store, calendar, ...core, clock, newId });
 */
export function createChatService(deps: ChatServiceDeps): ChatService & {
  conversation(id: string): Promise<Conversation | null>;
  /** Live takeover: join, the rep's messages, hand back, the fallback when nobody joined. */
  live: LiveTakeover;
} {
  // The funnel stages (analytics) are recorded by the store the caller built: withStageHistory
  // wraps it once, where it is built (main.ts).
  const { store } = deps;
  const queue = deps.queue ?? createKeyedQueue();
  const slots = createTurnSlots(deps);
  const runTurn = createTurnRunner({
    ...deps,
    slots,
    repsOnline: () => deps.reps?.online() ?? false,
  });
  const shell: ChatShell = {
    deps,
    serialize: (id, task) => queue.run(id, task),
    async load(id) {
      const conv = await store.getConversation(id);
      if (!conv) throw new AppError('SESSION_NOT_FOUND', `no conversation with id "${id}"`);
      return conv;
    },
    runTurn,
    respond: createResponder(deps, runTurn),
  };
  const paths = createReceivePaths(shell);
  // Rules mode passes the rules extractor as its own fallback and has no phraser.
  const oneWritePerTurn = deps.extractor === deps.fallback && !deps.phraser;

  return {
    conversation: (id) => store.getConversation(id),
    live: createLiveTakeover(shell),
    hello: createHello(shell),
    answerPending: createAnswerPending(shell, paths.answer),
    receive: (sessionId, { clientId, text }, emit) =>
      (oneWritePerTurn ? paths.receiveWithReply : paths.receiveThenReply)(
        sessionId,
        clientId,
        text,
        emit,
      ),
  };
}
