import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { connectConversation, type BenchConversation } from './bench-client.js';
import { answerFor, personaFor, type Persona } from './visitor-script.js';

/** Conversations connected and greeted, ready to play. */
export type OpenConversation = {
  client: BenchConversation;
  persona: Persona;
  last: AgentMessagePayload | null;
};

/** What a load run measured, as the visitors saw it. */
export type LoadResult = {
  replyMs: number[];
  ackMs: number[];
  turns: number;
  /** Error codes of refused or unanswered turns, with counts. */
  errors: Record<string, number>;
  /** From the first message sent to the last reply, ms. */
  wallMs: number;
};

const CONNECT_BATCH = 50;

/**
 * Connects `count` visitors to `url` and sends each one's `session:hello`, `CONNECT_BATCH` at a
 * time (a thousand simultaneous handshakes would measure the accept queue, not the chat).
 * Returns the greeted conversations and the hello ack times.
 */
export async function openConversations(
  url: string,
  count: number,
  firstIndex = 0,
): Promise<{ open: OpenConversation[]; helloMs: number[]; errors: Record<string, number> }> {
  const open: OpenConversation[] = [];
  const helloMs: number[] = [];
  const errors: Record<string, number> = {};
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, async (_, i) => {
      const persona = personaFor(firstIndex + start + i);
      const client = await connectConversation(url);
      const hello = await client.hello(persona.visitor);
      helloMs.push(hello.ms);
      if (hello.error !== null) errors[hello.error] = (errors[hello.error] ?? 0) + 1;
      open.push({ client, persona, last: hello.last });
    });
    await Promise.all(batch);
  }
  return { open, helloMs, errors };
}

/**
 * Plays every conversation concurrently: each visitor answers what the agent asks, up to
 * `turns` messages or the agent's final message. Visitors pause `thinkMs` on average (uniform
 * in 0.5-1.5x, from a seeded generator so runs repeat) before each message, and start spread
 * over one pause, as real visitors are not synchronised; `thinkMs` 0 sends each message as soon
 * as the previous reply ends (a closed loop: the server's throughput).
 */
export async function playConversations(
  open: readonly OpenConversation[],
  opts: { turns: number; thinkMs: number; seed?: number },
): Promise<LoadResult> {
  const random = seededRandom(opts.seed ?? 1);
  const result: LoadResult = { replyMs: [], ackMs: [], turns: 0, errors: {}, wallMs: 0 };
  const started = performance.now();
  let lastReplyAt = started;

  async function play(conv: OpenConversation): Promise<void> {
    if (opts.thinkMs > 0) await sleep(random() * opts.thinkMs);
    let last = conv.last;
    for (let t = 0; t < opts.turns && !(last?.final ?? false); t++) {
      const text = answerFor(conv.persona, last?.expecting ?? null, last?.quickReplies ?? []);
      if (text === null) break;
      if (opts.thinkMs > 0 && t > 0) await sleep((0.5 + random()) * opts.thinkMs);
      const r = await conv.client.turn(text);
      result.turns += 1;
      result.ackMs.push(r.ackMs);
      if (r.replyMs !== null) result.replyMs.push(r.replyMs);
      lastReplyAt = performance.now();
      if (r.error !== null) {
        result.errors[r.error] = (result.errors[r.error] ?? 0) + 1;
        break;
      }
      last = r.replies.at(-1) ?? last;
    }
    conv.last = last;
  }

  await Promise.all(open.map(play));
  result.wallMs = lastReplyAt - started;
  return result;
}

/** Closes every connection. */
export function closeConversations(open: readonly OpenConversation[]): void {
  for (const c of open) c.client.close();
}

/** mulberry32: a tiny seeded generator; Math.random cannot be seeded. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
