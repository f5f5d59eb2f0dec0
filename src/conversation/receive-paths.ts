import type { AgentEvent, ReceiveResult } from './chat-service.js';
import type { ChatShell } from './chat-shell.js';
import type { ChatMessage, Conversation } from './conversation-schema.js';
import { isStaleWrite, retryStale } from '../store/retry-stale.js';
import { assertRoomFor } from './conversation-cap.js';

const REPLY_FAILED = 'Sorry, something went wrong on our side. Could you say that again?';

type Emit = (e: AgentEvent) => void;
type Receive = (
  sessionId: string,
  clientId: string,
  text: string,
  emit: Emit,
) => Promise<ReceiveResult>;

/**
 * How a visitor message is received, in the two ways side by side: with the reply worked out
 * before the ack in one write (rules mode), or stored first and replied to after the ack
 * (LLM mode, where the model takes seconds). Both store the message before the ack, and both
 * rerun their read-change-save when the save was stale.
 */
export function createReceivePaths(shell: ChatShell) {
  const { deps, serialize, load, respond } = shell;

  /** The plain apology sent when a reply fails (not a template, which may be what failed). */
  const apology = (): AgentEvent => ({
    type: 'agent:message',
    payload: {
      id: deps.newId(),
      text: REPLY_FAILED,
      expecting: null,
      quickReplies: [],
      final: false,
    },
  });

  /** The conversation with the visitor's message added, or the stored one when this clientId was already sent. */
  function withVisitorMessage(
    conv: Conversation,
    clientId: string,
    text: string,
  ): { duplicate: ChatMessage } | { message: ChatMessage; conversation: Conversation } {
    const duplicate = conv.messages.find((m) => m.role === 'visitor' && m.clientId === clientId);
    if (duplicate) return { duplicate };
    assertRoomFor(conv, text, deps.config.limits.conversation);
    const message: ChatMessage = {
      id: deps.newId(),
      role: 'visitor',
      text,
      at: deps.clock().toISOString(),
      clientId,
    };
    return {
      message,
      conversation: { ...conv, messages: [...conv.messages, message], updatedAt: message.at },
    };
  }

  /**
   * Replies to one stored visitor message (in the session's queue); a failure still answers with
   * an apology. While a rep has taken the chat over the message is still read and scored, but
   * the bot shows no typing and says nothing: the rep answers.
   */
  async function answer(
    sessionId: string,
    messageId: string,
    text: string,
    emit: Emit,
  ): Promise<void> {
    let typing = false;
    try {
      await retryStale(async () => {
        const conv = await load(sessionId);
        if (!typing && conv.console.takeover === null) {
          typing = true;
          emit({ type: 'agent:typing', payload: { on: true } });
        }
        return respond(conv, messageId, text, emit);
      });
    } catch (e) {
      deps.onError?.(e, 'reply');
      // Never leave the visitor waiting in silence; their message is stored, so nothing they said is lost.
      if (typing) emit(apology());
    } finally {
      if (typing) emit({ type: 'agent:typing', payload: { on: false } });
    }
  }

  /**
   * Rules mode (no model to wait for): the reply is worked out before the ack and saved in the
   * same write as the visitor's message, so a turn costs one write instead of two. The ack still
   * follows the write, and the replies are sent after the ack.
   */
  const receiveWithReply: Receive = async (sessionId, clientId, text, emit) => {
    const stored = await serialize(sessionId, () =>
      retryStale(async () => {
        const added = withVisitorMessage(await load(sessionId), clientId, text);
        if ('duplicate' in added) return { id: added.duplicate.id, duplicate: true, events: [] };
        const events: AgentEvent[] = [];
        try {
          await respond(added.conversation, added.message.id, text, (e) => events.push(e));
        } catch (e) {
          // A stale save reruns the whole turn from a fresh read.
          if (isStaleWrite(e)) throw e;
          deps.onError?.(e, 'reply');
          // The message is stored whatever happened to the reply (persist before the ack).
          await deps.store.saveConversation(added.conversation);
          events.splice(0, events.length, apology());
        }
        return { id: added.message.id, duplicate: false, events };
      }),
    );
    // After the caller's ack (which runs as soon as this resolves), in the order of the protocol.
    // Nothing to send (a rep has the chat): no typing either.
    const reply =
      stored.duplicate || stored.events.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) =>
            setImmediate(() => {
              emit({ type: 'agent:typing', payload: { on: true } });
              for (const e of stored.events) emit(e);
              emit({ type: 'agent:typing', payload: { on: false } });
              resolve();
            }),
          );
    return { id: stored.id, duplicate: stored.duplicate, reply };
  };

  /** LLM mode: the message is stored and acknowledged first; the reply follows in the session's queue. */
  const receiveThenReply: Receive = async (sessionId, clientId, text, emit) => {
    let settle: () => void = () => undefined;
    const reply = new Promise<void>((resolve) => (settle = resolve));
    const stored = await serialize(sessionId, () =>
      retryStale(async () => {
        const added = withVisitorMessage(await load(sessionId), clientId, text);
        if ('duplicate' in added) return { id: added.duplicate.id, duplicate: true };
        await deps.store.saveConversation(added.conversation);
        return { id: added.message.id, duplicate: false };
      }),
    );
    if (stored.duplicate) {
      settle();
      return { id: stored.id, duplicate: true, reply };
    }
    void serialize(sessionId, () => answer(sessionId, stored.id, text, emit))
      .catch((e: unknown) => deps.onError?.(e, 'reply'))
      .finally(settle);
    return { id: stored.id, duplicate: false, reply };
  };

  return { receiveWithReply, receiveThenReply, answer };
}
