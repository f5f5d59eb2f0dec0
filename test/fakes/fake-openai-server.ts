import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  paceOf,
  tokenCount,
  writingMs,
  type LatencyProfile,
  type Pace,
} from './latency-profile.js';

/** One scripted answer of the fake model. */
export type FakeReply =
  /**
   * A normal answer: a JSON completion, or SSE chunks when the request streams (`chunks` or the
   * content split in words). `finishReason` (default "stop") may say "length" or "content_filter".
   */
  | {
      type: 'content';
      content: string;
      chunks?: string[];
      finishReason?: 'stop' | 'length' | 'content_filter';
      /** Input tokens the usage reports as cached (default: the fake's own prompt cache). */
      cachedTokens?: number;
    }
  /** The model refuses (message.refusal / delta.refusal). */
  | { type: 'refusal'; refusal: string }
  /** An HTTP error status with an OpenAI-style error body; `retryAfter` sets the Retry-After header. */
  | { type: 'error'; status: number; message?: string; retryAfter?: string }
  /** Never answers: the request stays open until the client gives up (delay beyond any timeout). */
  | { type: 'hang' }
  /** Starts streaming these chunks, then drops the connection mid-answer. */
  | { type: 'broken-stream'; chunks: string[] };

export type ChatMessageBody = { role: string; content: string | null };
/** The parts of a chat completions request the tests look at (the rest is kept in `raw`). */
export type ChatRequestBody = {
  model: string;
  messages: ChatMessageBody[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
  };
};
export type FakeRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatRequestBody;
  raw: unknown;
};

/** A script entry: a fixed reply, or one computed from the request. */
export type ScriptEntry = FakeReply | ((request: FakeRequest) => FakeReply);

export type FakeOpenAiServerOptions = {
  /**
   * Answer 400 to a conversation whose roles do not strictly alternate user/assistant after the
   * system message, starting with user, as chat templates of Mistral or Gemma do under vLLM
   * and LM Studio. Such a request is still recorded, and takes no script entry.
   */
  requireAlternation?: boolean;
  /**
   * How fast the fake answers (time to first token, tokens per second, for plain, structured
   * and streamed answers; streamed chunks are paced). Without it every answer is immediate.
   */
  latency?: LatencyProfile;
};

/** The error text vLLM's Mistral chat template raises, word for word. */
export const ALTERNATION_ERROR =
  'Conversation roles must alternate user/assistant/user/assistant/...';

/** True when the messages after the system prompts go user, assistant, user, ... */
export function alternates(messages: readonly ChatMessageBody[]): boolean {
  const turns = messages.filter(
    (m, i) => !(m.role === 'system' && messages.slice(0, i).every((p) => p.role === 'system')),
  );
  return turns.every((m, i) => m.role === (i % 2 === 0 ? 'user' : 'assistant'));
}

export type FakeOpenAiServer = {
  /** The base URL to give the openai SDK (`baseURL`), ending in /v1. */
  url: string;
  /** Every chat completions request received, in order. */
  requests: FakeRequest[];
  /** Appends replies to the script; each request takes the next one. */
  enqueue(...entries: ScriptEntry[]): void;
  /** The reply for every request once the queue is empty (without it, running out fails). */
  always(entry: ScriptEntry): void;
  /** Replies still queued. */
  remaining(): number;
  /** Stops the server, dropping hung requests. Rejects when a request found the script empty. */
  close(): Promise<void>;
};

const tokens = tokenCount;

function splitWords(content: string): string[] {
  return content.match(/\S+\s*|\s+/g) ?? [content];
}

/**
 * A fake OpenAI-compatible server on a free port of 127.0.0.1: it speaks the chat completions
 * wire format (JSON, and SSE `data: {...}` chunks ending with `data: [DONE]` when `stream` is
 * set), answers from a script, records every request, and injects faults on demand (see
 * `faults`), and can insist on alternating roles (`requireAlternation`). A request that finds the script empty gets a 400 (which the SDK does not retry)
 * and makes `close()` reject, so a test cannot pass on a reply it never scripted.
 *
 * @example
 *   const fake = await startFakeOpenAiServer();
 *   fake.enqueue({ type: 'content', content: '{"ok":true}' }, faults.serverError());
 *   const client = new OpenAI({ apiKey: 'test', baseURL: fake.url });
 */
export async function startFakeOpenAiServer(
  options: FakeOpenAiServerOptions = {},
): Promise<FakeOpenAiServer> {
  const queue: ScriptEntry[] = [];
  let fallback: ScriptEntry | null = null;
  const requests: FakeRequest[] = [];
  const overruns: string[] = [];
  let counter = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** Recent prompts, for the prompt cache's shared prefixes (bounded). */
  const prompts: string[] = [];
  /** Runs `fn` after `ms` (at once without a profile); forgotten when the server closes. */
  const later = (ms: number, fn: () => void): void => {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method !== 'POST' || path !== '/v1/chat/completions')
        return sendError(res, 404, `fake OpenAI server: no route ${req.method} ${path}`);
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.concat(parts).toString('utf8'));
      } catch {
        return sendError(res, 400, 'fake OpenAI server: the request body is not JSON');
      }
      // The fake trusts the SDK's request shape; tests read it through this type.
      const body = raw as ChatRequestBody;
      const request: FakeRequest = { method: req.method, path, headers: req.headers, body, raw };
      requests.push(request);
      if (options.requireAlternation && !alternates(body.messages))
        return sendError(res, 400, ALTERNATION_ERROR);
      const entry = queue.shift() ?? fallback;
      if (entry === null) {
        const last = body.messages.at(-1)?.content ?? '';
        overruns.push(
          `request ${requests.length} (${body.stream ? 'stream' : 'json'}, last message ${JSON.stringify(last.slice(0, 60))})`,
        );
        return sendError(
          res,
          400,
          'fake OpenAI server: the script ran out',
          'fake_script_exhausted',
        );
      }
      const reply = typeof entry === 'function' ? entry(request) : entry;
      const id = `chatcmpl-fake-${++counter}`;
      const prompt = promptPrefixText(body);
      const cached = cachedPromptTokens(prompt, prompts);
      prompts.push(prompt);
      if (prompts.length > 20) prompts.shift();
      if (!options.latency) return respond(res, reply, body, id, cached);
      const pace = paceOf(options.latency, body);
      later(pace.firstTokenMs, () => respond(res, reply, body, id, cached, { pace, later }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // listen() on a TCP port always yields an AddressInfo.
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...entries) => void queue.push(...entries),
    always: (entry) => void (fallback = entry),
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(() =>
          overruns.length > 0
            ? reject(new Error(`fake OpenAI server: the script ran out at ${overruns.join('; ')}`))
            : resolve(),
        );
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
      }),
  };
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string | null = null,
  headers: Record<string, string> = {},
): void {
  const type =
    status === 429
      ? 'rate_limit_exceeded'
      : status >= 500
        ? 'server_error'
        : 'invalid_request_error';
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}

/** Pacing of one answer under a latency profile (absent: everything at once). */
type Timing = { pace: Pace; later: (ms: number, fn: () => void) => void };

/**
 * The text a provider's prompt cache keys on: the messages in order (the fake counts input
 * tokens from the messages only, so the response format's schema, the same in every
 * extraction request, is left out of both).
 */
export function promptPrefixText(body: ChatRequestBody): string {
  return body.messages.map((m) => `${m.role}:${m.content ?? ''}`).join('\n');
}

/**
 * Prompt tokens a provider would serve from its cache, as OpenAI does: the longest prefix shared
 * with an earlier request, counted only from 1,024 tokens, in steps of 128.
 */
export function cachedPromptTokens(prompt: string, earlier: readonly string[]): number {
  let shared = 0;
  for (const e of earlier) {
    const limit = Math.min(e.length, prompt.length);
    let i = 0;
    while (i < limit && e.charCodeAt(i) === prompt.charCodeAt(i)) i++;
    shared = Math.max(shared, i);
  }
  const sharedTokens = Math.floor(shared / 4);
  return sharedTokens < 1024 ? 0 : Math.floor(sharedTokens / 128) * 128;
}

function respond(
  res: ServerResponse,
  reply: FakeReply,
  body: ChatRequestBody,
  id: string,
  cachedTokens = 0,
  timing: Timing = { pace: { firstTokenMs: 0, tokensPerSecond: Infinity }, later: (_, fn) => fn() },
): void {
  const created = 1_767_225_600;
  const model = body.model;
  const promptTokens = tokens(body.messages.map((m) => m.content ?? '').join('\n'));
  const cached = reply.type === 'content' ? (reply.cachedTokens ?? cachedTokens) : cachedTokens;
  const promptDetails = { cached_tokens: Math.min(cached, promptTokens) };
  const { pace, later } = timing;
  if (reply.type === 'hang') return;
  if (reply.type === 'error') {
    return sendError(
      res,
      reply.status,
      reply.message ?? `fake OpenAI server: injected ${reply.status}`,
      null,
      reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter },
    );
  }
  if (!body.stream) {
    const content =
      reply.type === 'content'
        ? reply.content
        : reply.type === 'broken-stream'
          ? reply.chunks.join('')
          : null;
    const refusal = reply.type === 'refusal' ? reply.refusal : null;
    if (reply.type === 'broken-stream') return void res.socket?.destroy();
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: tokens(content ?? refusal ?? ''),
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const answer = JSON.stringify({
      id,
      object: 'chat.completion',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal },
          logprobs: null,
          finish_reason: reply.type === 'content' ? (reply.finishReason ?? 'stop') : 'stop',
        },
      ],
      usage: { ...usage, prompt_tokens_details: promptDetails },
    });
    // The whole answer arrives once the model has written its last token.
    later(writingMs(pace, usage.completion_tokens - 1), () => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const send = (delta: Record<string, unknown>, finish: string | null, then?: () => void): void => {
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`,
      then,
    );
  };
  send({ role: 'assistant', content: '' }, null);
  if (reply.type === 'refusal') send({ refusal: reply.refusal }, null);
  const pieces =
    reply.type === 'content'
      ? (reply.chunks ?? splitWords(reply.content))
      : reply.type === 'broken-stream'
        ? reply.chunks
        : [];
  if (reply.type === 'broken-stream') {
    // Dropped only once the chunks are flushed, so the client really sees the start of the answer.
    pieces.forEach((piece, i) =>
      send(
        { content: piece },
        null,
        i === pieces.length - 1 ? () => res.socket?.destroy() : undefined,
      ),
    );
    return;
  }
  const finish = (): void => {
    if (res.destroyed) return;
    send({}, reply.type === 'content' ? (reply.finishReason ?? 'stop') : 'stop');
    if (body.stream_options?.include_usage) {
      const completion = tokens(pieces.join(''));
      const usage = {
        prompt_tokens: promptTokens,
        completion_tokens: completion,
        total_tokens: promptTokens + completion,
        prompt_tokens_details: promptDetails,
      };
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
      );
    }
    res.end('data: [DONE]\n\n');
  };
  // The first piece goes at once (its first token is the profile's first token), each next one
  // once the model has written it.
  const step = (i: number): void => {
    if (res.destroyed) return;
    const piece = pieces[i];
    if (piece === undefined) return finish();
    send({ content: piece }, null);
    const next = pieces[i + 1];
    later(next === undefined ? 0 : writingMs(pace, tokens(next)), () => step(i + 1));
  };
  step(0);
}

/** The faults of issue 4, ready to enqueue. */
export const faults = {
  /** Never answers: the client's time limit must fire. */
  timeout: (): FakeReply => ({ type: 'hang' }),
  /** 429 with a Retry-After header (seconds). */
  rateLimited: (retryAfterSeconds = 0): FakeReply => ({
    type: 'error',
    status: 429,
    message: 'Rate limit reached',
    retryAfter: String(retryAfterSeconds),
  }),
  serverError: (status = 500): FakeReply => ({
    type: 'error',
    status,
    message: 'The server had an error while processing your request.',
  }),
  /** Content that is not JSON (a model cut off mid-object). */
  malformedJson: (): FakeReply => ({
    type: 'content',
    content: '{"contact": {"name": {"value": "Ana',
  }),
  refusal: (): FakeReply => ({
    type: 'refusal',
    refusal: "I'm sorry, but I can't help with that request.",
  }),
  /** Valid JSON that breaks the schema: wrong types, missing groups, a forbidden key. */
  schemaViolation: (): FakeReply => ({
    type: 'content',
    content: JSON.stringify({ contact: 'Ana', budget: { amount: 'lots' }, stage: 'SQL' }),
  }),
  /** A stream that breaks after a few words. */
  brokenStream: (): FakeReply => ({ type: 'broken-stream', chunks: ['Thanks! ', 'And roughly '] }),
} as const;
