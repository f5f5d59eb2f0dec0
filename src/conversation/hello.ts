import type { Visitor } from '../lead/visitor.js';
import type { ChatService } from './chat-service.js';
import type { ChatShell } from './chat-shell.js';
import { newConversation } from './new-conversation.js';
import { updateConversation } from '../store/update-conversation.js';
import { siteOnlyPage, siteOrigins } from '../lead/site-only-page.js';

/**
 * `hello`: resumes a known conversation with its history (noting where the visitor is now),
 * or starts a new one with the greeting.
 */
export function createHello({ deps, serialize, runTurn }: ChatShell): ChatService['hello'] {
  const { store } = deps;

  /**
   * Where the visitor is now (scoring's /pricing signal, the webhook's attribution); the first
   * touch stays the one stored, unless none was.
   */
  function notePage(
    sessionId: string,
    visitor: Visitor,
    clientKey: string | undefined,
  ): Promise<unknown> {
    return updateConversation(store, sessionId, (conv) => {
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
      const known = await store.getConversation(sessionId).catch(() => null);
      if (known) {
        // In the session's queue, so no reply's save overwrites it, and not awaited: the queue
        // may be busy with a reply (an LLM turn takes seconds) and the history does not depend on it.
        serialize(sessionId, () => notePage(sessionId, visitor, clientKey)).catch((e: unknown) =>
          deps.onError?.(e, 'hello'),
        );
        return { sessionId: known.id, messages: known.messages, resumed: true };
      }
    }
    const now = deps.clock();
    const fresh = { ...newConversation({ id: deps.newId(), visitor, now }), clientKey };
    const { conversation } = await runTurn(fresh, { type: 'start' }, now);
    const saved = await store.saveConversation(conversation);
    return { sessionId: saved.id, messages: saved.messages, resumed: false };
  };
}
