import type { Visitor } from '../lead/visitor.js';
import type { ChatService } from './chat-service.js';
import type { ChatShell } from './chat-shell.js';
import type { Conversation } from './conversation-schema.js';
import { newConversation } from './new-conversation.js';
import { newSessionSecret, splitSessionSecret, verifiesSession } from './session-secret.js';
import { updateConversation } from '../store/update-conversation.js';
import { siteOnlyPage, siteOrigins } from '../lead/site-only-page.js';

/**
 * `hello`: resumes the conversation whose resume token the visitor holds (noting where the
 * visitor is now), or starts a new one with the greeting. The token is `<conversationId>.<verifier>`
 * (session-secret.ts); anything that does not verify (a conversation id from a webhook, a wrong
 * verifier, an unknown id) starts a new conversation, so nothing tells a caller the id exists.
 * A conversation stored before tokens (no `sessionHash`; its id was the widget's sessionId) is
 * resumed once by that id and given a token, after which the bare id resumes nothing.
 */
export function createHello({ deps, serialize, runTurn }: ChatShell): ChatService['hello'] {
  const { store } = deps;

  /**
   * Where the visitor is now (scoring's /pricing signal, the webhook's attribution); the first
   * touch stays the one stored, unless none was.
   */
  function notePage(id: string, visitor: Visitor, clientKey: string | undefined): Promise<unknown> {
    return updateConversation(store, id, (conv) => {
      const page = visitor.page ?? conv.visitor.page;
      const referrer = conv.visitor.referrer ?? visitor.referrer;
      const utm = conv.visitor.utm ?? visitor.utm;
      const key = clientKey ?? conv.clientKey;
      const same =
        page === conv.visitor.page &&
        referrer === conv.visitor.referrer &&
        utm === conv.visitor.utm &&
        key === conv.clientKey;
      return same
        ? null
        : { ...conv, visitor: { ...conv.visitor, page, referrer, utm }, clientKey: key };
    });
  }

  /** The conversation the token opens, or null (never a hint why). */
  async function verified(sessionId: string): Promise<Conversation | null> {
    const parts = splitSessionSecret(sessionId);
    if (parts === null) return null;
    const known = await store.getConversation(parts.conversationId).catch(() => null);
    return known && verifiesSession(parts.verifier, known.sessionHash) ? known : null;
  }

  /**
   * A conversation stored before tokens, resumed by its id this once: it gets a token's hash in
   * the session's queue (so no reply's save overwrites it, and two such hellos cannot both win).
   */
  async function migrated(
    sessionId: string,
  ): Promise<{ conversation: Conversation; secret: string } | null> {
    const legacy = await store.getConversation(sessionId).catch(() => null);
    if (legacy === null || legacy.sessionHash !== undefined) return null;
    const { secret, hash } = newSessionSecret(legacy.id);
    const saved = await serialize(legacy.id, () =>
      updateConversation(store, legacy.id, (conv) =>
        conv.sessionHash === undefined ? { ...conv, sessionHash: hash } : null,
      ),
    );
    return saved === null ? null : { conversation: saved, secret };
  }

  const origins = siteOrigins(deps.config);

  return async function hello({ sessionId, visitor: declared, client }) {
    const clientKey =
      client && deps.bookingGuard ? deps.bookingGuard.clientKey(client.ip) : undefined;
    // Only a page of the site itself is kept (attribution, the /pricing signal); the rest is dropped.
    // The site the browser connected from counts too: the origin policy has let it in already.
    const site =
      client?.origin === undefined ? origins : [...origins, ...siteOrigins(client.origin)];
    const visitor = { ...declared, page: siteOnlyPage(declared.page, site) };
    if (sessionId !== undefined) {
      const known = await verified(sessionId);
      const resumed = known
        ? { conversation: known, secret: sessionId }
        : await migrated(sessionId);
      if (resumed) {
        const { id, messages, console: desk } = resumed.conversation;
        // In the session's queue, so no reply's save overwrites it, and not awaited: the queue
        // may be busy with a reply (an LLM turn takes seconds) and the history does not depend on it.
        serialize(id, () => notePage(id, visitor, clientKey)).catch((e: unknown) =>
          deps.onError?.(e, 'hello'),
        );
        const rep = desk.takeover === null ? {} : { rep: { name: desk.takeover.name } };
        return { sessionId: resumed.secret, conversationId: id, messages, resumed: true, ...rep };
      }
    }
    const now = deps.clock();
    const id = deps.newId();
    const { secret, hash } = newSessionSecret(id);
    const fresh = { ...newConversation({ id, visitor, now }), sessionHash: hash, clientKey };
    const { conversation } = await runTurn(fresh, { type: 'start' }, now);
    const saved = await store.saveConversation(conversation);
    return {
      sessionId: secret,
      conversationId: saved.id,
      messages: saved.messages,
      resumed: false,
    };
  };
}
