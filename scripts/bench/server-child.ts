/**
 * The bench's server process: `server-child.ts rules <dataDir>` or `server-child.ts echo`.
 * Runs apart from the load generator so its memory and CPU are its own. Talks to the parent
 * over the fork IPC channel (see spawn-server.ts): sends `ready` with its url, answers `probe`
 * with a ServerProbe, and exits on `stop` (so `--cpu-prof` writes its profile).
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../src/lib/logger.js';
import { startEchoServer } from './echo-server.js';
import { latencyStats } from './latency-stats.js';
import { startRulesServer, type BenchServer } from './rules-server.js';
import type { ChildMessage, ParentMessage, ServerProbe } from './server-protocol.js';

const [kind, dataDir] = process.argv.slice(2);
let warnings = 0;
let errors = 0;
const firstErrors: string[] = [];
const logger: Logger = {
  warn: () => void (warnings += 1),
  error: (message, meta) => {
    errors += 1;
    if (firstErrors.length < 5) firstErrors.push(`${message} ${JSON.stringify(meta ?? {})}`);
  },
};

const send = (m: ChildMessage): void => void process.send?.(m);
const loop = monitorEventLoopDelay({ resolution: 5 });
let cpuSince = process.cpuUsage();
let serverTurns: number[] = [];
// Garbage-collection pauses, so an event-loop stall can be told apart from CPU contention.
let gcTotalMs = 0;
let gcMaxMs = 0;
// Full collections: after each, V8 recompiles every regular expression the next messages use.
let gcFull = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcTotalMs += entry.duration;
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
    if (isFullGc('detail' in entry ? entry.detail : null)) gcFull += 1;
  }
}).observe({ entryTypes: ['gc'] });

const SETTLE_ROUNDS = 6;
const SETTLE_BYTES = 256 * 1024;

/**
 * Collects garbage until RSS stops moving: V8 gives freed pages back to the system a little
 * after a full collection, so one `gc()` leaves RSS at a level that depends on what ran before.
 */
async function settle(): Promise<void> {
  // --expose-gc is set by spawn-server.ts; without it there is nothing to settle.
  const gc = global.gc;
  if (typeof gc !== 'function') return;
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < SETTLE_ROUNDS; i++) {
    gc();
    await sleep(100);
    const rss = process.memoryUsage.rss();
    if (Math.abs(last - rss) < SETTLE_BYTES) return;
    last = rss;
  }
}

async function probe(collect: boolean): Promise<ServerProbe> {
  if (collect) await settle();
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage(cpuSince);
  cpuSince = process.cpuUsage();
  const turns = latencyStats(serverTurns);
  serverTurns = [];
  const result: ServerProbe = {
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    external: mem.external + mem.arrayBuffers,
    cpuMs: (cpu.user + cpu.system) / 1000,
    cpuSystemMs: cpu.system / 1000,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    gcTotalMs,
    gcMaxMs,
    gcFull,
    serverTurnP50Ms: turns.p50,
    serverTurnP99Ms: turns.p99,
    warnings,
    errors,
    firstErrors: [...firstErrors],
  };
  loop.reset();
  gcTotalMs = 0;
  gcMaxMs = 0;
  gcFull = 0;
  return result;
}

async function main(): Promise<void> {
  let server: BenchServer;
  if (kind === 'echo') server = await startEchoServer();
  else if (kind === 'rules' && dataDir)
    server = await startRulesServer({ dataDir, logger, onTurn: (ms) => serverTurns.push(ms) });
  else throw new Error('usage: server-child.ts rules <dataDir> | echo');
  loop.enable();
  process.on('message', (raw: unknown) => {
    if (!isParentMessage(raw)) return;
    const m = raw;
    if (m.type === 'probe')
      void probe(m.collect).then((p) => send({ type: 'probe', id: m.id, probe: p }));
    else if (m.type === 'stop') void server.close().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: server.url });
}

main().catch((e: unknown) => {
  process.stderr.write(
    `bench server failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});

/** The parent is the bench, but IPC delivers `unknown`: a light shape check keeps the types honest. */
function isParentMessage(m: unknown): m is ParentMessage {
  return (
    typeof m === 'object' && m !== null && 'type' in m && (m.type === 'probe' || m.type === 'stop')
  );
}

/** A gc entry's `detail` (Node's typing says unknown): a full (mark-compact) collection? */
function isFullGc(detail: unknown): boolean {
  return (
    typeof detail === 'object' &&
    detail !== null &&
    'kind' in detail &&
    detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR
  );
}
