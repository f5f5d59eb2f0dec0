import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { connectConversation } from './bench-client.js';
import { closeConversations, openConversations, playConversations } from './drive-conversations.js';
import { latencyStats, type LatencyStats } from './latency-stats.js';
import { seededId, seedStore } from './seed-store.js';
import { spawnServer, type ServerProcess } from './spawn-server.js';
import { personaFor } from './visitor-script.js';

/** Per-turn time on fresh conversations with `stored` conversations already in the store. */
export type StoreRow = {
  stored: number;
  reply: LatencyStats;
  ack: LatencyStats;
  /** A new conversation's `session:hello` (creates its file). */
  hello: LatencyStats;
  /** `session:hello` resuming a stored conversation (reads its file). */
  resume: LatencyStats;
  seedMs: number;
  bytesPerFile: number;
};

const WARMUP_CONVERSATIONS = 10;
const RESUMES = 30;

/**
 * Seeds one data folder per store size, then in each round starts one rules server per folder
 * and times `conversations` fresh conversations on each, alternating between the servers and
 * played one at a time (no concurrency, so queueing cannot hide or fake a difference), plus the
 * resume of stored conversations. Each round restarts the servers (empty caches); rounds are
 * pooled per size.
 */
export async function measureStoreSizes(opts: {
  sizes: number[];
  conversations: number;
  turns: number;
  rounds: number;
  keep: boolean;
  onProgress: (line: string) => void;
}): Promise<StoreRow[]> {
  const seeded: { stored: number; dataDir: string; seedMs: number; bytesPerFile: number }[] = [];
  const dirs: string[] = [];
  try {
    for (const stored of opts.sizes) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), `leadbot-bench-store-${stored}-`));
      dirs.push(dataDir);
      const started = performance.now();
      const { bytesPerFile } = await seedStore(dataDir, stored);
      await flushToDisk(dataDir);
      const seedMs = performance.now() - started;
      seeded.push({ stored, dataDir, seedMs, bytesPerFile });
      opts.onProgress(
        `seeded ${stored.toLocaleString('en-US')} conversations (${(bytesPerFile / 1024).toFixed(1)} KB each) and flushed them to disk in ${(seedMs / 1000).toFixed(1)} s`,
      );
    }
    const samples = new Map(seeded.map((s) => [s.stored, emptySamples()]));
    let firstIndex = 0;
    for (let round = 0; round < opts.rounds; round++) {
      // One server per store size, all running at once; conversations alternate between them,
      // so whatever else the machine does in the meantime weighs on every size alike.
      const roundReplies = seeded.map((): number[] => []);
      const roundServer = seeded.map(() => 0);
      const servers: ServerProcess[] = [];
      try {
        for (const s of seeded)
          servers.push(await spawnServer({ kind: 'rules', dataDir: s.dataDir }));
        for (const server of servers) {
          const warm = await openConversations(server.url, WARMUP_CONVERSATIONS, firstIndex);
          await playConversations(warm.open, { turns: opts.turns, thinkMs: 0 });
          closeConversations(warm.open);
          firstIndex += WARMUP_CONVERSATIONS;
        }
        for (let c = 0; c < opts.conversations; c++) {
          // Alternating who goes first cancels any advantage of going first.
          const order =
            c % 2 === 0 ? seeded.map((_, i) => i) : seeded.map((_, i) => seeded.length - 1 - i);
          for (const i of order) {
            const server = servers[i];
            const into = samples.get(seeded[i]?.stored ?? -1);
            if (!server || !into) continue;
            const { open, helloMs } = await openConversations(server.url, 1, firstIndex++);
            const result = await playConversations(open, { turns: opts.turns, thinkMs: 0 });
            closeConversations(open);
            into.hello.push(...helloMs);
            into.reply.push(...result.replyMs);
            roundReplies[i]?.push(...result.replyMs);
            into.ack.push(...result.ackMs);
          }
        }
        // The servers' own time per turn over the round (warm-up included), next to the visitors'.
        for (const [i, server] of servers.entries())
          roundServer[i] = (await server.probe()).serverTurnP50Ms;
        for (const [i, server] of servers.entries()) {
          const s = seeded[i];
          if (s) samples.get(s.stored)?.resume.push(...(await timeResumes(server.url, s.stored)));
        }
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
      const p50s = roundReplies.map(
        (r, i) =>
          `${seeded[i]?.stored.toLocaleString('en-US')} stored ${latencyStats(r).p50.toFixed(2)} ms (in the server ${roundServer[i]?.toFixed(2)} ms)`,
      );
      opts.onProgress(`store round ${round + 1} of ${opts.rounds}: reply p50 ${p50s.join(', ')}`);
    }
    return seeded.map((s) => {
      const got = samples.get(s.stored);
      return {
        stored: s.stored,
        reply: latencyStats(got?.reply ?? []),
        ack: latencyStats(got?.ack ?? []),
        hello: latencyStats(got?.hello ?? []),
        resume: latencyStats(got?.resume ?? []),
        seedMs: s.seedMs,
        bytesPerFile: s.bytesPerFile,
      };
    });
  } finally {
    if (!opts.keep) await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/**
 * Waits until the seeded files are on disk. A store that grew over weeks has no gigabyte of
 * dirty pages behind it; without this the first turns would compete with the kernel's writeback
 * of the seed (measured: file creation in that folder slowed several times over meanwhile).
 */
async function flushToDisk(dataDir: string): Promise<void> {
  // `sync -f` flushes only the file system holding dataDir (coreutils); plain `sync` elsewhere.
  await promisify(execFile)('sync', ['-f', dataDir]).catch(() => promisify(execFile)('sync', []));
}

function emptySamples(): { reply: number[]; ack: number[]; hello: number[]; resume: number[] } {
  return { reply: [], ack: [], hello: [], resume: [] };
}

/** Resumes stored conversations spread over the whole store, one at a time. */
async function timeResumes(url: string, stored: number): Promise<number[]> {
  const times: number[] = [];
  const client = await connectConversation(url);
  try {
    for (let i = 0; i < RESUMES; i++) {
      // Spread over the store, and never the same file twice (it would come from the cache).
      const index = Math.floor(((i + 0.5) * stored) / RESUMES);
      const hello = await client.hello(personaFor(i).visitor, seededId(index));
      if (hello.error === null) times.push(hello.ms);
    }
  } finally {
    client.close();
  }
  return times;
}
