import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { createLlmUsageRouter } from '../../src/server/llm-usage-router.js';
import { extraction, extractionReply, isExtractRequest } from '../fakes/fake-extraction.js';
import { faults } from '../fakes/fake-openai-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { llmChatForTest } from './llm-chat-harness.js';

function appWith(router: ReturnType<typeof createLlmUsageRouter>) {
  const deps = createTestDeps();
  return createApp({
    config: deps.config,
    chatService: deps.chatService,
    widget: testWidgetAssets(),
    routers: [router],
  });
}

describe('GET /admin/llm/usage', () => {
  it('when an operator asks with the admin token, then it answers the totals and the recent conversations with their calls, tokens, latency and fallbacks', async () => {
    const chat = await llmChatForTest();
    chat.fake.enqueue(
      extractionReply(),
      { type: 'content', content: 'Thanks! What is your role in choosing a tool like this?' },
      faults.serverError(),
      faults.serverError(),
    );
    await chat.send('We need a faster way to answer inbound quote requests.');
    await chat.send("I'm a marketing manager.");
    const app = appWith(createLlmUsageRouter({ adminToken: 's3cret', llm: chat.parts }));

    const res = await request(app).get('/admin/llm/usage').set('Authorization', 'Bearer s3cret');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'llm',
      model: 'gpt-fake',
      baseUrl: chat.fake.url,
      breaker: 'closed',
      lastFailure: { kind: 'server_error' },
    });
    expect(res.body.totals).toMatchObject({
      turns: 2,
      calls: 4,
      fallbacks: 2,
      extractFallbacks: 1,
      phraseFallbacks: 1,
      failureKinds: { server_error: 2 },
    });
    expect(res.body.conversations).toEqual([
      expect.objectContaining({
        conversationId: chat.conversationId,
        calls: 4,
        fallbacks: 2,
        updatedAt: expect.any(String),
      }),
    ]);
    expect(res.body.conversations[0].promptTokens).toBeGreaterThan(0);
    expect(res.body.conversations[0].latencyMs).toBeGreaterThan(0);
  });

  it('when the service serves part of the prompt from its cache, then the usage counts cached input and the tokens per turn', async () => {
    const chat = await llmChatForTest();
    chat.fake.enqueue(
      { type: 'content', content: JSON.stringify(extraction()), cachedTokens: 512 },
      {
        type: 'content',
        content: 'Thanks! What is your role in choosing a tool like this?',
        cachedTokens: 256,
      },
    );
    await chat.send('We need a faster way to answer inbound quote requests.');
    const app = appWith(createLlmUsageRouter({ adminToken: 's3cret', llm: chat.parts }));

    const res = await request(app).get('/admin/llm/usage').set('Authorization', 'Bearer s3cret');
    const totals = res.body.totals;
    expect(totals).toMatchObject({ turns: 1, calls: 2, cachedPromptTokens: 768 });
    expect(res.body.tokensPerTurn).toEqual({
      input: totals.promptTokens,
      cachedInput: 768,
      output: totals.completionTokens,
    });
    expect(res.body.conversations[0].cachedPromptTokens).toBe(768);
  });

  it('when asked for fewer conversations, then the newest come first', async () => {
    const chat = await llmChatForTest({ phrasing: false });
    chat.fake.always((req) => (isExtractRequest(req) ? extractionReply() : faults.serverError()));
    chat.parts.usage.record('older', { calls: 1 });
    await chat.send('We need faster lead routing.');
    const app = appWith(createLlmUsageRouter({ adminToken: 's3cret', llm: chat.parts }));
    const res = await request(app)
      .get('/admin/llm/usage?limit=1')
      .set('Authorization', 'Bearer s3cret');
    expect(res.body.conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual(
      [chat.conversationId],
    );
    expect(
      (await request(app).get('/admin/llm/usage?limit=0').set('Authorization', 'Bearer s3cret'))
        .status,
    ).toBe(400);
  });

  it('when the server runs in rules mode, then it says so and counts nothing', async () => {
    const res = await request(appWith(createLlmUsageRouter({ adminToken: 's3cret', llm: null })))
      .get('/admin/llm/usage')
      .set('Authorization', 'Bearer s3cret');
    expect(res.body).toEqual({ mode: 'rules', totals: null, conversations: [] });
  });

  it('when the token is missing or wrong, then 401; when no ADMIN_TOKEN is set, then 404', async () => {
    const guarded = appWith(createLlmUsageRouter({ adminToken: 's3cret', llm: null }));
    expect((await request(guarded).get('/admin/llm/usage')).status).toBe(401);
    expect(
      (await request(guarded).get('/admin/llm/usage').set('Authorization', 'Bearer nope')).status,
    ).toBe(401);
    expect(
      (
        await request(appWith(createLlmUsageRouter({ adminToken: null, llm: null }))).get(
          '/admin/llm/usage',
        )
      ).status,
    ).toBe(404);
  });
});
