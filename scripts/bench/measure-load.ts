import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeConversations, openConversations, playConversations } from './drive-conversations.js';
import { latencyStats, type LatencyStats } from './latency-stats.js';
import { spawnServer } from './spawn-server.js';

/** One load run against one server. */
export type LoadRow = {
  server: 'rules' | 'echo';
  conversations: number;
  thinkMs: number;
  turns: number;
  reply: LatencyStats;
  ack: LatencyStats;
  hello: LatencyStats;
  turnsPerSecond: number;
  /** RSS, and JS heap plus buffers, per open connection (connected, greeted, idle), KB. */
  rssPerConnectionKb: number;
  heapPerConnectionKb: number;
  /** The server's RSS with every visitor connected and idle, MB. */
  rssMb: number;
  /** The machine's 1-minute load average at the end of the run (other work skews figures). */
  loadAverage: number;
  /** The server's own time per turn (rules only: chat service call to first reply), ms. */
  serverTurnP50Ms: number;
  serverTurnP99Ms: number;
  /** The server's CPU time per visitor turn, ms, and its system (kernel: sockets, files) part. */
  cpuPerTurnMs: number;
  systemCpuPerTurnMs: number;
  /** The server's event-loop delay during the turns, ms. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** The longest garbage-collection pause during the turns, ms. */
  gcMaxMs: number;
  /** Full collections during the turns (each makes the next messages recompile the rules' patterns). */
  gcFull: number;
  errors: Record<string, number>;
  /** Errors the server logged (a failed reply, a failed save), and the first few of them. */
  serverErrorCount: number;
  serverErrors: string[];
};

const WARMUP_CONVERSATIONS = 20;

/**
 * Starts a fresh server process of `kind`, warms it up (module loading, JIT) with a few whole
 * conversations, then: connects and greets `conversations` visitors, measures the server's
 * memory with all of them connected and idle, plays them concurrently, and measures what the
 * visitors saw and what the server spent.
 */
export async function measureLoad(opts: {
  kind: 'rules' | 'echo';
  conversations: number;
  turns: number;
  thinkMs: number;
  cpuProfileDir?: string | undefined;
  keep: boolean;
}): Promise<LoadRow> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `leadbot-bench-${opts.kind}-`));
  try {
    return await measureOn(dataDir, opts);
  } finally {
    if (!opts.keep) await rm(dataDir, { recursive: true, force: true });
  }
}

async function measureOn(
  dataDir: string,
  opts: Parameters<typeof measureLoad>[0],
): Promise<LoadRow> {
  const server = await spawnServer({ kind: opts.kind, dataDir, cpuProfileDir: opts.cpuProfileDir });
  try {
    const warm = await openConversations(server.url, WARMUP_CONVERSATIONS);
    await playConversations(warm.open, { turns: opts.turns, thinkMs: 0 });
    closeConversations(warm.open);
    // Lets the server drop the warm-up sockets before measuring memory.
    await sleep(300);
    // Memory per connection: the growth from before to after connecting and greeting every
    // visitor, both after a full, settled collection (see server-child.ts).
    const before = await server.probe({ collect: true });
    const {
      open,
      helloMs,
      errors: helloErrors,
    } = await openConversations(server.url, opts.conversations, WARMUP_CONVERSATIONS);
    const idle = await server.probe({ collect: true });
    const result = await playConversations(open, { turns: opts.turns, thinkMs: opts.thinkMs });
    const after = await server.probe();
    closeConversations(open);

    const errors = { ...helloErrors };
    for (const [code, n] of Object.entries(result.errors)) errors[code] = (errors[code] ?? 0) + n;
    return {
      server: opts.kind,
      conversations: opts.conversations,
      thinkMs: opts.thinkMs,
      turns: result.turns,
      reply: latencyStats(result.replyMs),
      ack: latencyStats(result.ackMs),
      hello: latencyStats(helloMs),
      turnsPerSecond: result.wallMs > 0 ? (result.turns / result.wallMs) * 1000 : 0,
      rssPerConnectionKb: (idle.rss - before.rss) / opts.conversations / 1024,
      heapPerConnectionKb:
        (idle.heapUsed + idle.external - before.heapUsed - before.external) /
        opts.conversations /
        1024,
      loadAverage: os.loadavg()[0] ?? 0,
      rssMb: idle.rss / 1024 / 1024,
      serverTurnP50Ms: after.serverTurnP50Ms,
      serverTurnP99Ms: after.serverTurnP99Ms,
      cpuPerTurnMs: result.turns > 0 ? after.cpuMs / result.turns : 0,
      systemCpuPerTurnMs: result.turns > 0 ? after.cpuSystemMs / result.turns : 0,
      loopP99Ms: after.loopP99Ms,
      loopMaxMs: after.loopMaxMs,
      gcMaxMs: after.gcMaxMs,
      gcFull: after.gcFull,
      errors,
      serverErrorCount: after.errors,
      serverErrors: after.firstErrors,
    };
  } finally {
    await server.stop();
  }
}
