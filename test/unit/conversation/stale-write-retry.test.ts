import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../../src/conversation/chat-service.js';
import { AppError } from '../../../src/errors/app-error.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { createTestDeps } from '../../helpers/test-deps.js';

const VISITOR = {
  timezone: 'America/New_York',
  locale: 'en-US',
  page: '/',
  referrer: null,
  utm: null,
};

/**
 * A store where another writer (the booking page, another server) saves the conversation
 * just before the chat's next `times` saves: the chat's save is refused as stale, as a
 * compare-and-set store refuses it.
 */
function racedStore(): Store & { race(times: number): void } {
  const base = createMemoryStore();
  let races = 0;
  return {
    ...base,
    race: (times) => void (races = times),
    async saveConversation(c) {
      if (races === 0) return base.saveConversation(c);
      races--;
      const stored = await base.getConversation(c.id);
      if (stored)
        await base.saveConversation({
          ...stored,
          visitor: { ...stored.visitor, page: '/pricing' },
        });
      throw new AppError('STALE_WRITE', `conversation ${c.id} changed since it was read`);
    },
  };
}

async function say(deps: ReturnType<typeof createTestDeps>, id: string, text: string) {
  const events: AgentEvent[] = [];
  const r = await deps.chatService.receive(id, { clientId: text, text }, (e) => events.push(e));
  await r.reply;
  return events.flatMap((e) => (e.type === 'agent:message' ? [e.payload.text] : []));
}

describe('a turn whose save is refused as stale', () => {
  it('when another writer saved the conversation meanwhile, then the turn is run again on the fresh copy: one reply, nothing of either writer lost', async () => {
    const store = racedStore();
    const deps = createTestDeps({ store });
    const { conversationId: sessionId } = await deps.chatService.hello({ visitor: VISITOR });
    store.race(2);
    const replies = await say(deps, sessionId, 'We keep losing weekend demo requests');
    expect(replies).toHaveLength(1);
    expect(replies[0]).not.toMatch(/something went wrong/);
    const conv = await store.getConversation(sessionId);
    expect(conv?.visitor.page).toBe('/pricing');
    expect(conv?.messages.filter((m) => m.role === 'visitor')).toHaveLength(1);
    expect(conv?.lead['need.summary']?.value).toMatch(/weekend demo requests/);
  });

  it('when the save stays stale after a few runs, then the message is refused with STALE_WRITE (its ack says so and the widget may send it again)', async () => {
    const store = racedStore();
    const deps = createTestDeps({ store });
    const { conversationId: sessionId } = await deps.chatService.hello({ visitor: VISITOR });
    store.race(10);
    await expect(say(deps, sessionId, 'hello?')).rejects.toMatchObject({ code: 'STALE_WRITE' });
  });
});
