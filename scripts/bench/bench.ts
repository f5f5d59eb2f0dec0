/**
 * `npm run bench`: the live chat under load (issue 3, "npm run bench" and "Bench targets").
 * Drives concurrent socket.io conversations against the real server in rules mode and against a
 * bare socket.io echo floor, each in its own process; then compares the per-turn time with a
 * small and a large store. Prints markdown tables and the targets, met or not. Asserts nothing.
 *
 * Run: npm run bench -- [--quick] [--conversations 200,1000] [--turns 6] [--think-ms 5000]
 *      [--stored 100000] [--profile] [--out bench-results.md]   (--help for all)
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseBenchOptions, type BenchOptions } from './bench-options.js';
import { formatResults, type BenchResults } from './format-results.js';
import { measureLoad, type LoadRow } from './measure-load.js';
import { measureStoreSizes } from './measure-store.js';
import { formatTakeover, measureTakeover } from './measure-takeover.js';
import { REPO_ROOT } from './rules-server.js';
import { summarizeProfile } from './summarize-profile.js';
import { measureInbox } from './measure-inbox.js';
import { formatInbox } from './format-inbox.js';
import { formatAnalytics, measureAnalytics } from './measure-analytics.js';

const progress = (line: string): void => void process.stderr.write(`· ${line}\n`);
const PROFILE_LINES = 15;

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseBenchOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  if (loadBefore > os.cpus().length)
    progress(
      `load average ${loadBefore.toFixed(1)} on ${os.cpus().length} CPUs: other work is running, figures will be noisy`,
    );

  const profileDir = opts.profile
    ? await mkdtemp(path.join(os.tmpdir(), 'leadbot-bench-profile-'))
    : undefined;
  const largest = Math.max(...opts.conversations);
  const paced: LoadRow[] = [];
  for (const conversations of opts.phases.includes('load') ? opts.conversations : []) {
    for (const kind of ['echo', 'rules'] as const) {
      progress(
        `${kind}: ${conversations} conversations, ${opts.turns} turns, ${opts.thinkMs} ms pauses`,
      );
      const cpuProfileDir = kind === 'rules' && conversations === largest ? profileDir : undefined;
      paced.push(
        await measureLoad({
          kind,
          conversations,
          turns: opts.turns,
          thinkMs: opts.thinkMs,
          cpuProfileDir,
          keep: opts.keep,
        }),
      );
      progress(summaryOf(paced.at(-1)));
    }
  }
  const burst: LoadRow[] = [];
  for (const kind of opts.phases.includes('burst') ? (['echo', 'rules'] as const) : []) {
    progress(`${kind}: closed loop, ${opts.burstConversations} conversations`);
    burst.push(
      await measureLoad({
        kind,
        conversations: opts.burstConversations,
        turns: opts.turns,
        thinkMs: 0,
        keep: opts.keep,
      }),
    );
    progress(summaryOf(burst.at(-1)));
  }
  const store = !opts.phases.includes('store')
    ? []
    : await measureStoreSizes({
        sizes: [opts.storedSmall, opts.storedLarge],
        conversations: opts.storeConversations,
        turns: opts.turns,
        rounds: opts.storeRounds,
        keep: opts.keep,
        onProgress: progress,
      });

  const takeover = opts.phases.includes('takeover')
    ? (progress(`takeover: ${opts.takeoverMessages} rep messages to a widget socket`),
      await measureTakeover({ messages: opts.takeoverMessages }))
    : null;

  const inbox = !opts.phases.includes('inbox')
    ? null
    : await measureInbox({
        stored: opts.inboxStored,
        requests: opts.inboxRequests,
        alerts: opts.inboxAlerts,
        keep: opts.keep,
        onProgress: progress,
      });

  const analytics = !opts.phases.includes('analytics')
    ? null
    : await measureAnalytics({
        stored: opts.inboxStored,
        requests: opts.inboxRequests,
        keep: opts.keep,
        onProgress: progress,
      });

  const results: BenchResults = {
    context: {
      node: process.versions.node,
      cpus: os.cpus().length,
      loadBefore,
      loadAfter: os.loadavg()[0] ?? 0,
      date: new Date().toISOString().slice(0, 10),
      thinkMs: opts.thinkMs,
      turns: opts.turns,
      durationS: (performance.now() - started) / 1000,
    },
    paced,
    burst,
    store,
  };
  const markdown = [
    formatResults(results),
    ...(takeover ? [formatTakeover(takeover)] : []),
    ...(inbox ? [formatInbox(inbox)] : []),
    ...(analytics ? [formatAnalytics(analytics)] : []),
  ].join('\n\n');
  process.stdout.write(`\n${markdown}\n`);
  if (opts.out !== null) {
    await writeFile(path.resolve(opts.out), `# Bench results\n\n${markdown}\n`);
    progress(`wrote ${opts.out}`);
  }
  if (profileDir !== undefined) {
    process.stdout.write(`\n${await profileReport(profileDir, largest)}\n`);
    if (!opts.keep) await rm(profileDir, { recursive: true, force: true });
  }
}

function summaryOf(row: LoadRow | undefined): string {
  if (!row) return '';
  const errors =
    Object.keys(row.errors).length === 0 ? '' : `, errors ${JSON.stringify(row.errors)}`;
  const logged = row.serverErrors.map((e) => `\n    server: ${e}`).join('');
  return `  reply p50 ${row.reply.p50.toFixed(2)} ms, p99 ${row.reply.p99.toFixed(2)} ms, ${row.turnsPerSecond.toFixed(0)} turns/s, ${row.rssPerConnectionKb.toFixed(1)} KB RSS per connection${errors}${logged}`;
}

/** The top functions of the rules server's profile (main thread: `CPU.<date>.<time>.<pid>.0.*`). */
async function profileReport(dir: string, conversations: number): Promise<string> {
  const file = (await readdir(dir)).filter((f) => /\.0\.\d+\.cpuprofile$/.test(f)).sort()[0];
  if (file === undefined) return 'No CPU profile was written.';
  const { totalMs, lines } = await summarizeProfile(path.join(dir, file), `${REPO_ROOT}/`);
  const row = (l: { selfMs: number; totalMs: number; name: string; where: string }): string =>
    `| ${l.name} | ${l.where} | ${l.selfMs.toFixed(0)} | ${l.totalMs.toFixed(0)} | ${((100 * l.totalMs) / totalMs).toFixed(1)}% |`;
  const head =
    '| function | where | self ms | total ms | total share |\n| --- | --- | --- | --- | --- |';
  return [
    `### CPU profile of the rules server (${conversations} conversations; ${totalMs.toFixed(0)} ms sampled, idle included)`,
    '',
    'By self time:',
    '',
    head,
    ...[...lines]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, PROFILE_LINES)
      .map(row),
    '',
    'The server code (src/) by total time:',
    '',
    head,
    ...lines
      .filter((l) => l.where.startsWith('src/'))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, PROFILE_LINES)
      .map(row),
  ].join('\n');
}

main().catch((e: unknown) => {
  process.stderr.write(
    `bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
