import { AppError } from '../errors/app-error.js';
import { retryStale } from '../store/retry-stale.js';
import type { RepAction, RepActionKind } from '../console/console-state.js';
import type { ChatShell } from './chat-shell.js';
import { assertRoomFor } from './conversation-cap.js';
import type { ChatMessage, Conversation } from './conversation-schema.js';

/** The console user acting in the chat: their email (who) and display name (shown to the visitor). */
export type RepIdentity = { email: string; name: string; admin: boolean };

/** What a takeover step changed, and the bot's own messages to send the visitor (hand back, timeout). */
export type LiveResult = { conversation: Conversation; replies: ChatMessage[] };

/**
 * Live takeover in the chat service (DESIGN.md "Console" > "Takeover"): a rep joins (the engine
 * stops replying), writes to the visitor, hands back (the engine resumes at the next open slot);
 * and the bot's fallback when nobody joined after "someone is coming". Every step runs in the
 * conversation's queue and saves compare-and-set, rerun on a stale save; nothing is emitted
 * here: the caller sends the results (console/live/takeover-events.ts).
 */
export function createLiveTakeover({ deps, serialize, load, runTurn }: ChatShell) {
  const { store } = deps;

  const action = (kind: RepActionKind, rep: RepIdentity, detail?: string): RepAction => ({
    kind,
    by: rep.email,
    byName: rep.name,
    at: deps.clock().toISOString(),
    ...(detail === undefined ? {} : { detail }),
  });
  const withAction = (conv: Conversation, a: RepAction, patch = {}): Conversation => ({
    ...conv,
    console: { ...conv.console, ...patch, actions: [...conv.console.actions, a] },
  });
  /** One read-change-save in the conversation's queue, rerun from a fresh read when stale. */
  const step = <T>(id: string, task: (conv: Conversation) => Promise<T>): Promise<T> =>
    serialize(id, () => retryStale(async () => task(await load(id))));
  const heldBy = (conv: Conversation, rep: RepIdentity): void => {
    const { takeover } = conv.console;
    if (takeover === null)
      throw new AppError('CONFLICT', 'Join the chat first: the bot is answering this visitor.');
    if (takeover.by !== rep.email)
      throw new AppError('CONFLICT', `${takeover.name} is in this chat; only they can write here.`);
  };

  return {
    /**
     * The rep takes the chat over. Joining again (another tab) changes nothing; a chat another
     * rep holds is refused with CONFLICT naming them (no silent theft mid-conversation).
     */
    join(id: string, rep: RepIdentity): Promise<{ conversation: Conversation; joined: boolean }> {
      return step(id, async (conv) => {
        const { takeover } = conv.console;
        if (takeover?.by === rep.email) return { conversation: conv, joined: false };
        if (takeover !== null)
          throw new AppError('CONFLICT', `${takeover.name} has already joined this chat.`);
        const since = deps.clock().toISOString();
        const joined = withAction(conv, action('join', rep), {
          takeover: { by: rep.email, name: rep.name, since },
        });
        return { conversation: await store.saveConversation(joined), joined: true };
      });
    },

    /** The rep's message, stored in the transcript under their name; only the rep who joined writes. */
    say(id: string, rep: RepIdentity, text: string): Promise<ChatMessage> {
      return step(id, async (conv) => {
        heldBy(conv, rep);
        assertRoomFor(conv, text, deps.config.limits.conversation);
        const at = deps.clock().toISOString();
        const message: ChatMessage = { id: deps.newId(), role: 'rep', name: rep.name, text, at };
        const next = withAction(conv, action('message', rep));
        await store.saveConversation({
          ...next,
          messages: [...next.messages, message],
          updatedAt: at,
        });
        return message;
      });
    },

    /**
     * The chat goes back to the bot, which resumes where the phase stands (the next open slot).
     * The rep who joined hands back, or an admin for them.
     */
    handBack(id: string, rep: RepIdentity): Promise<LiveResult> {
      return step(id, async (conv) => {
        if (!(rep.admin && conv.console.takeover !== null)) heldBy(conv, rep);
        const back = withAction(conv, action('handBack', rep), { takeover: null });
        return resume(back, { type: 'handed_back' });
      });
    },

    /** Nobody joined in time after "someone is coming": the bot says so and offers the next step. */
    nobodyJoined(id: string): Promise<LiveResult> {
      return step(id, async (conv) =>
        conv.console.takeover !== null
          ? { conversation: conv, replies: [] }
          : resume(conv, { type: 'nobody_joined' }),
      );
    },
  };

  async function resume(
    conv: Conversation,
    event: { type: 'handed_back' } | { type: 'nobody_joined' },
  ): Promise<LiveResult> {
    const { conversation, replies } = await runTurn(conv, event, deps.clock());
    if (replies.length === 0 && event.type === 'nobody_joined')
      return { conversation: conv, replies };
    return { conversation: await store.saveConversation(conversation), replies };
  }
}

export type LiveTakeover = ReturnType<typeof createLiveTakeover>;
