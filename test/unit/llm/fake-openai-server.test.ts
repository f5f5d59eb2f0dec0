import OpenAI, {
  APIConnectionTimeoutError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ALTERNATION_ERROR,
  faults,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../../fakes/fake-openai-server.js';

let fake: FakeOpenAiServer;
let client: OpenAI;
const ask = { model: 'gpt-test', messages: [{ role: 'user' as const, content: 'Hello there' }] };

beforeEach(async () => {
  fake = await startFakeOpenAiServer();
  client = new OpenAI({ apiKey: 'test-key', baseURL: fake.url, maxRetries: 0, timeout: 2000 });
});
afterEach(async () => {
  await fake.close();
});

describe('the fake OpenAI server', () => {
  it('when a reply is scripted, then the real SDK reads it as a chat completion with usage', async () => {
    fake.enqueue({ type: 'content', content: '{"answer":42}' });
    const completion = await client.chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('{"answer":42}');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.model).toBe('gpt-test');
  });

  it('when the request streams, then the SDK receives the chunks in order and the usage at the end', async () => {
    fake.enqueue({ type: 'content', content: 'unused', chunks: ['One ', 'two ', 'three.'] });
    const stream = await client.chat.completions.create({
      ...ask,
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    let usage: number | null = null;
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta.content;
      if (text) deltas.push(text);
      if (chunk.usage) usage = chunk.usage.completion_tokens;
    }
    expect(deltas).toEqual(['One ', 'two ', 'three.']);
    expect(usage).toBeGreaterThan(0);
  });

  it('when requests arrive, then each is recorded with its messages and options', async () => {
    fake.enqueue({ type: 'content', content: 'a' }, { type: 'content', content: 'b' });
    await client.chat.completions.create(ask);
    await client.chat.completions.create({ ...ask, response_format: { type: 'json_object' } });
    expect(fake.requests.map((r) => r.body.messages[0]?.content)).toEqual([
      'Hello there',
      'Hello there',
    ]);
    expect(fake.requests[1]?.body.response_format?.type).toBe('json_object');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key');
  });

  it('when a reply is a function, then it is computed from the request', async () => {
    fake.always((req) => ({
      type: 'content',
      content: `echo: ${req.body.messages.at(-1)?.content ?? ''}`,
    }));
    const completion = await client.chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('echo: Hello there');
  });

  it('when the script runs out, then the client gets an error and closing the fake fails loudly', async () => {
    await expect(client.chat.completions.create(ask)).rejects.toBeInstanceOf(BadRequestError);
    await expect(fake.close()).rejects.toThrow(/script ran out at request 1/);
    fake = await startFakeOpenAiServer();
  });

  it('when a 429 is injected, then the client sees a rate limit with the Retry-After header', async () => {
    fake.enqueue(faults.rateLimited(7));
    const error: unknown = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error instanceof RateLimitError ? error.headers?.get('retry-after') : null).toBe('7');
  });

  it('when a 429 is followed by an answer, then the SDK retries after Retry-After and succeeds', async () => {
    const retrying = new OpenAI({ apiKey: 'test-key', baseURL: fake.url, maxRetries: 1 });
    fake.enqueue(faults.rateLimited(0), { type: 'content', content: 'ok' });
    const completion = await retrying.chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(fake.requests).toHaveLength(2);
  });

  it('when a 500 is injected, then the client sees a server error', async () => {
    fake.enqueue(faults.serverError());
    await expect(client.chat.completions.create(ask)).rejects.toBeInstanceOf(InternalServerError);
  });

  it('when the fake hangs, then the client time limit fires', async () => {
    const impatient = new OpenAI({
      apiKey: 'test-key',
      baseURL: fake.url,
      maxRetries: 0,
      timeout: 150,
    });
    fake.enqueue(faults.timeout());
    await expect(impatient.chat.completions.create(ask)).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it.each([
    ['JSON', false],
    ['streaming', true],
  ] as const)(
    'when a refusal is injected (%s), then it arrives in the refusal field',
    async (_, stream) => {
      fake.enqueue(faults.refusal());
      if (!stream) {
        const completion = await client.chat.completions.create(ask);
        expect(completion.choices[0]?.message.refusal).toMatch(/can't help/);
        expect(completion.choices[0]?.message.content).toBeNull();
        return;
      }
      let refusal = '';
      for await (const chunk of await client.chat.completions.create({ ...ask, stream: true }))
        refusal += chunk.choices[0]?.delta.refusal ?? '';
      expect(refusal).toMatch(/can't help/);
    },
  );

  it.each([
    ['malformed JSON', faults.malformedJson()],
    ['schema-violating JSON', faults.schemaViolation()],
  ])('when %s is injected, then it arrives as the content', async (_, reply) => {
    fake.enqueue(reply);
    const content = (await client.chat.completions.create(ask)).choices[0]?.message.content ?? '';
    expect(reply.type === 'content' ? reply.content : null).toBe(content);
  });

  it('when a stream breaks mid-answer, then the client reading it gets an error after the first chunks', async () => {
    fake.enqueue(faults.brokenStream());
    const seen: string[] = [];
    const read = async (): Promise<void> => {
      for await (const chunk of await client.chat.completions.create({ ...ask, stream: true })) {
        const text = chunk.choices[0]?.delta.content;
        if (text) seen.push(text);
      }
    };
    await expect(read()).rejects.toThrow();
    expect(seen.join('')).toMatch(/^Thanks!/);
  });

  it('when a finish reason is scripted, then the SDK sees it in the JSON answer and at the end of a stream', async () => {
    fake.enqueue(
      { type: 'content', content: 'cut', finishReason: 'length' },
      { type: 'content', content: 'cut', finishReason: 'content_filter' },
    );
    expect((await client.chat.completions.create(ask)).choices[0]?.finish_reason).toBe('length');
    const reasons: string[] = [];
    for await (const chunk of await client.chat.completions.create({ ...ask, stream: true }))
      if (chunk.choices[0]?.finish_reason) reasons.push(chunk.choices[0].finish_reason);
    expect(reasons).toEqual(['content_filter']);
  });
});

describe('a fake that enforces alternating roles', () => {
  it.each([
    [
      'the assistant speaks first',
      [
        { role: 'system', content: 's' },
        { role: 'assistant', content: 'Hi!' },
        { role: 'user', content: 'Hello' },
      ],
    ],
    [
      'two user messages in a row',
      [
        { role: 'system', content: 's' },
        { role: 'user', content: 'Hello' },
        { role: 'user', content: '<draft>' },
      ],
    ],
    [
      'it ends on the assistant twice',
      [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
        { role: 'assistant', content: 'c' },
      ],
    ],
  ] as const)(
    'when %s, then it answers 400 as a strict chat template does, without using the script',
    async (_, messages) => {
      const strict = await startFakeOpenAiServer({ requireAlternation: true });
      const strictClient = new OpenAI({ apiKey: 'test-key', baseURL: strict.url, maxRetries: 0 });
      const error: unknown = await strictClient.chat.completions
        .create({ model: 'm', messages: [...messages] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error instanceof Error ? error.message : '').toContain(ALTERNATION_ERROR);
      await strict.close();
    },
  );

  it('when roles alternate after the system prompt, starting with the user, then the script answers', async () => {
    const strict = await startFakeOpenAiServer({ requireAlternation: true });
    strict.enqueue({ type: 'content', content: 'ok' });
    const strictClient = new OpenAI({ apiKey: 'test-key', baseURL: strict.url, maxRetries: 0 });
    const messages = [
      { role: 'system', content: 's' },
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ] as const;
    expect(
      (await strictClient.chat.completions.create({ model: 'm', messages: [...messages] }))
        .choices[0]?.message.content,
    ).toBe('ok');
    await strict.close();
  });
});
