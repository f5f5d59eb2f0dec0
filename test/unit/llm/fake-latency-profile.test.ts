import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAiServer } from '../../fakes/fake-openai-server.js';
import { LATENCY_PROFILES, type LatencyProfile } from '../../fakes/latency-profile.js';

const ask = { model: 'gpt-test', messages: [{ role: 'user' as const, content: 'Hello there' }] };
// Slow enough to tell apart from loopback noise, fast enough for a unit test.
const slow: LatencyProfile = {
  plain: { firstTokenMs: 60, tokensPerSecond: 1000 },
  structured: { firstTokenMs: 120, tokensPerSecond: 200 },
  streamed: { firstTokenMs: 80, tokensPerSecond: 100 },
};

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const out = await task();
  return [out, performance.now() - started];
}

describe('the fake OpenAI server with a latency profile', () => {
  it('when a structured answer is asked, then it arrives no sooner than the first token plus its writing time', async () => {
    const fake = await startFakeOpenAiServer({ latency: slow });
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 });
    // 40 characters: 10 tokens, the 9 after the first at 200 tokens a second = 45 ms.
    fake.enqueue({ type: 'content', content: '{"a":"0123456789012345678901234567890"}' });
    const [answer, ms] = await timed(() =>
      client.chat.completions.create({ ...ask, response_format: { type: 'json_object' } }),
    );
    expect(answer.choices[0]?.message.content).toContain('0123');
    expect(ms).toBeGreaterThanOrEqual(120 + 45 - 5);
    await fake.close();
  });

  it('when the answer streams, then the first chunk waits for the first token and each next one for its tokens', async () => {
    const fake = await startFakeOpenAiServer({ latency: slow });
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 });
    // Each chunk is 8 characters: 2 tokens, 20 ms at 100 tokens a second.
    fake.enqueue({ type: 'content', content: '', chunks: ['Thanks, ', 'and how ', 'big is  '] });
    const started = performance.now();
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    const at: number[] = [];
    for await (const chunk of stream)
      if (chunk.choices[0]?.delta.content) at.push(performance.now() - started);
    expect(at).toHaveLength(3);
    expect(at[0]).toBeGreaterThanOrEqual(80 - 5);
    expect(at[2]).toBeGreaterThanOrEqual(80 + 40 - 5);
    await fake.close();
  });

  it('when a request repeats a long prompt prefix, then the usage reports the cached input tokens', async () => {
    const fake = await startFakeOpenAiServer();
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 });
    fake.always({ type: 'content', content: 'ok' });
    const system = { role: 'system' as const, content: 'x'.repeat(6000) };
    const turn = (text: string) =>
      client.chat.completions.create({
        model: 'm',
        messages: [system, { role: 'user', content: text }],
      });
    const first = await turn('one');
    const second = await turn('two');
    const short = await client.chat.completions.create(ask);
    expect(first.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect(second.usage?.prompt_tokens_details?.cached_tokens).toBe(1408);
    expect(short.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    await fake.close();
  });

  it('names the hosted-small profile the benchmark uses', () => {
    expect(LATENCY_PROFILES['hosted-small'].streamed).toEqual({
      firstTokenMs: 400,
      tokensPerSecond: 80,
    });
  });
});
