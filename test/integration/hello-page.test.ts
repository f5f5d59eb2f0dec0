import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';

describe('the page a widget declares at hello', () => {
  it.each([
    ['javascript:alert(1)//pricing'],
    ['data:text/html,/pricing'],
    ['https://evil.example/pricing'],
  ])('when it is %s, then it is not stored, nor as the attribution page', async (page) => {
    const deps = createTestDeps();
    const { conversationId } = await deps.chatService.hello({ visitor: testVisitor({ page }) });
    expect((await deps.store.getConversation(conversationId))?.visitor.page).toBeNull();
  });

  it('when a resumed visitor declares a foreign page, then the site page stored stays', async () => {
    const deps = createTestDeps();
    const page = 'https://beacon.example/pricing';
    const { sessionId, conversationId } = await deps.chatService.hello({
      visitor: testVisitor({ page }),
    });
    await deps.chatService.hello({
      sessionId,
      visitor: testVisitor({ page: 'javascript:alert(1)//pricing' }),
    });
    // notePage runs in the session's queue; a message through the same queue waits for it.
    await deps.chatService.receive(conversationId, { clientId: 'c1', text: 'hi' }, () => undefined);
    expect((await deps.store.getConversation(conversationId))?.visitor.page).toBe(page);
  });

  it.each([
    [
      'the page is on the origin the browser connected from',
      'http://127.0.0.1:5555/pricing',
      'http://127.0.0.1:5555',
      true,
    ],
    [
      'the page is on another origin than the connection',
      'https://evil.example/pricing',
      'http://127.0.0.1:5555',
      false,
    ],
    [
      'the connection is from the site itself',
      'https://beacon.example/pricing',
      'https://beacon.example',
      true,
    ],
  ])('when %s, then it is kept: %s', async (_name, page, origin, kept) => {
    const deps = createTestDeps();
    const { conversationId } = await deps.chatService.hello({
      visitor: testVisitor({ page }),
      client: { ip: '203.0.113.9', origin },
    });
    expect((await deps.store.getConversation(conversationId))?.visitor.page).toBe(
      kept ? page : null,
    );
  });
});
