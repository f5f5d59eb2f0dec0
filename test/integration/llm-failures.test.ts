import { describe, expect, it } from 'vitest';
import { extractionReply, isExtractRequest, said } from '../fakes/fake-extraction.js';
import {
  alternates,
  faults,
  type FakeReply,
  type FakeRequest,
} from '../fakes/fake-openai-server.js';
import { llmChatForTest } from './llm-chat-harness.js';

/** A healthy model: finds nothing, and rewords every draft as a question. */
const healthy = (req: FakeRequest): FakeReply =>
  isExtractRequest(req)
    ? extractionReply()
    : { type: 'content', content: 'Thanks! What is your role in choosing a tool like this?' };
const MODEL_NOT_FOUND: FakeReply = {
  type: 'error',
  status: 404,
  message: 'model "gpt-fake" not found, try pulling it first',
};
const NEED = 'We need a faster way to answer inbound quote requests.';

describe('the circuit breaker in the running chat', () => {
  it('when the service was down, then answers 404 on the trial, then is healthy again, then the model is used again after the cool-down', async () => {
    const c = await llmChatForTest();
    c.fake.always(faults.serverError(503));
    await c.send(NEED);
    await c.send("I'm a marketing manager.");
    expect(c.parts.breaker.state()).toBe('open');

    c.fake.always(MODEL_NOT_FOUND);
    c.advance(30_000);
    await c.send('Lumen Freight, 45 people');
    // A configuration error re-arms the breaker for a cool-down instead of leaving it stuck.
    expect(c.parts.breaker.state()).toBe('open');

    c.fake.always(healthy);
    c.advance(30_000);
    const before = c.fake.requests.length;
    await c.send('About 20k a year');
    await c.send('Within the next two months');
    expect(c.parts.breaker.state()).toBe('closed');
    // Both turns asked the model: extraction and phrasing, twice.
    expect(c.fake.requests.length - before).toBe(4);
    expect(c.parts.usage.total().failureKinds.breaker_open).toBeGreaterThan(0);
  });

  it('when the trial call gets a 400 that is no service failure, then the breaker closes and the next turn uses the model', async () => {
    const c = await llmChatForTest({ phrasing: false });
    c.fake.always(faults.serverError());
    for (const t of [NEED, "I'm a marketing manager.", 'Lumen Freight']) await c.send(t);
    expect(c.parts.breaker.state()).toBe('open');
    c.advance(30_000);
    c.fake.enqueue({ type: 'error', status: 400, message: "Invalid value for 'temperature'." });
    await c.send('45 people');
    expect(c.parts.breaker.state()).toBe('closed');
    c.fake.always(healthy);
    const before = c.fake.requests.length;
    await c.send('About 20k a year');
    expect(c.fake.requests.length).toBe(before + 1);
  });
});

describe('the time limit of a turn', () => {
  it('when the model hangs, then extraction and phrasing share one llm.timeoutMs and the visitor gets the template wording', async () => {
    const c = await llmChatForTest({ timeoutMs: 600 });
    c.fake.always(faults.timeout());
    const started = performance.now();
    const replies = await c.send(NEED);
    const took = performance.now() - started;
    // Before, extraction and each phrased message had 600 ms of their own (1.2 s and more).
    expect(took).toBeLessThan(1000);
    expect(replies.at(-1)?.text).toMatch(
      /What's your role: would you make the call on a tool like this/,
    );
    expect(c.fake.requests).toHaveLength(1);
    expect(c.parts.usage.total().failureKinds).toMatchObject({ timeout: 1, no_time_left: 1 });
  });

  it('when extraction is quick, then phrasing gets the rest of the budget', async () => {
    const c = await llmChatForTest({ timeoutMs: 2000 });
    c.fake.always(healthy);
    const replies = await c.send(NEED);
    expect(replies.at(-1)?.text).toBe('Thanks! What is your role in choosing a tool like this?');
    expect((await c.conversation()).llmFallbacks).toBeUndefined();
  });
});

describe('logging failures', () => {
  it('when the service fails on every call, then each failure is logged once and an open breaker adds nothing per turn', async () => {
    const c = await llmChatForTest();
    c.fake.always(faults.serverError());
    const turns = [
      NEED,
      "I'm a marketing manager.",
      'Lumen Freight, 45 people',
      'About 20k a year',
      'Within two months',
      'Ana Lima, ana@lumen.example',
    ];
    for (const t of turns) await c.send(t);
    const lines = c.logs.filter((l) => l.level !== 'debug');
    // Turn 1: extraction and phrasing fail (2 lines); turn 2: extraction fails and opens the breaker (1 line); then silence.
    expect(lines.map((l) => l.message)).toEqual([
      'LLM extraction failed; rules handle this turn',
      'LLM phrasing failed; the template wording is sent',
      'LLM extraction failed; rules handle this turn; circuit breaker open: the LLM is skipped for 30 s',
    ]);
    expect(c.parts.usage.total()).toMatchObject({ turns: 6, calls: 3, extractFallbacks: 6 });
    // Each turn read by the rules is counted on the conversation, for the analytics page.
    expect((await c.conversation()).llmFallbacks).toBe(6);
  });

  it('when each turn ends, then one debug line sums it up', async () => {
    const c = await llmChatForTest();
    c.fake.always(healthy);
    await c.send(NEED);
    const debug = c.logs.filter((l) => l.level === 'debug');
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatchObject({
      message: 'LLM turn',
      meta: { conversationId: c.conversationId, calls: 2, fallbacks: 0, breaker: 'closed' },
    });
    expect(debug[0]?.meta?.promptTokens).toBeGreaterThan(0);
  });
});

describe('a wrong setup', () => {
  it.each<[string, FakeReply, RegExp]>([
    [
      'a model the server does not serve',
      MODEL_NOT_FOUND,
      /set LLM_MODEL to a model your server serves/,
    ],
    [
      'a refused key',
      { type: 'error', status: 401, message: 'Incorrect API key provided' },
      /check OPENAI_API_KEY/,
    ],
    [
      'a forbidden key',
      { type: 'error', status: 403, message: 'Forbidden' },
      /check OPENAI_API_KEY/,
    ],
  ])(
    'when the server answers with %s, then it is logged once as a configuration error with a hint, and the breaker stops further calls',
    async (_, reply, hint) => {
      const c = await llmChatForTest();
      c.fake.always(reply);
      for (const t of [NEED, "I'm a marketing manager.", 'Lumen Freight']) await c.send(t);
      expect(c.fake.requests).toHaveLength(1);
      const errors = c.logs.filter((l) => l.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(hint);
      expect(errors[0]?.meta).toMatchObject({ model: 'gpt-fake', status: expect.any(Number) });
      expect(c.logs.filter((l) => l.level === 'warn')).toEqual([]);
    },
  );

  it('when the base URL lacks /v1, then the 404 hint names LLM_BASE_URL', async () => {
    const c = await llmChatForTest({ baseUrl: (url) => url.replace(/\/v1$/, '') });
    await c.send(NEED);
    expect(c.logs.find((l) => l.level === 'error')?.message).toMatch(
      /check LLM_BASE_URL \(OpenAI-compatible servers usually end in \/v1\)/,
    );
    expect(c.parts.breaker.state()).toBe('open');
  });

  it('when the server does not support json_schema, then extraction switches to json_object with the schema in the prompt, and remembers it', async () => {
    const c = await llmChatForTest({ phrasing: false });
    const noSchema: FakeReply = {
      type: 'error',
      status: 400,
      message:
        "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
    };
    const need = 'our quote requests sit for days';
    c.fake.always((req) => {
      if (req.body.response_format?.type === 'json_schema') return noSchema;
      // Without structured outputs models often leave the nulls out.
      return {
        type: 'content',
        content: JSON.stringify({
          need: { summary: said('Faster quotes', need) },
          signals: { declined: false },
        }),
      };
    });
    await c.send(`Honestly ${need}.`);
    expect((await c.conversation()).lead['need.summary']).toMatchObject({
      value: need,
      source: 'llm',
    });
    await c.send("I'm a marketing manager.");
    expect(c.fake.requests.map((r) => r.body.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    expect(c.fake.requests[1]?.body.messages[0]?.content).toMatch(/must match this JSON schema/);
    expect(c.parts.usage.total()).toMatchObject({
      extractFallbacks: 0,
      failureKinds: { unsupported_format: 1 },
    });
    expect(c.logs.filter((l) => /response_format/.test(l.message)).map((l) => l.message)).toEqual([
      expect.stringMatching(
        /does not accept response_format json_schema; extraction uses json_object from now on/,
      ),
    ]);
  });

  it('when the server supports neither json_schema nor json_object, then extraction reads the JSON out of a plain answer', async () => {
    const c = await llmChatForTest({ phrasing: false });
    const need = 'our quote requests sit for days';
    c.fake.always((req) =>
      req.body.response_format
        ? {
            type: 'error',
            status: 400,
            message: "'response_format.type' must be 'json_schema' or 'text'",
          }
        : {
            type: 'content',
            content: `Here you go:\n\`\`\`json\n${JSON.stringify({ need: { summary: said('Faster quotes', need) } })}\n\`\`\``,
          },
    );
    await c.send(`Honestly ${need}.`);
    expect((await c.conversation()).lead['need.summary']).toMatchObject({
      value: need,
      source: 'llm',
    });
    expect(c.fake.requests.map((r) => r.body.response_format?.type ?? 'none')).toEqual([
      'json_schema',
      'json_object',
      'none',
    ]);
  });
});

describe('chat roles', () => {
  it('when a whole conversation runs against a server that enforces alternating roles, then every request alternates and none is refused', async () => {
    const c = await llmChatForTest({ requireAlternation: true });
    c.fake.always(healthy);
    for (const t of [
      NEED,
      "I'm a marketing manager.",
      'Lumen Freight, 45 people',
      'About 20k a year',
    ])
      await c.send(t);
    expect(c.fake.requests.length).toBe(8);
    for (const r of c.fake.requests)
      expect(alternates(r.body.messages), JSON.stringify(r.body.messages.map((m) => m.role))).toBe(
        true,
      );
    expect(c.parts.usage.total().failures).toBe(0);
  });
});
