import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLowdbUserStore } from '../../src/console/users/lowdb-user-store.js';
import { hashPassword } from '../../src/console/users/password.js';
import { get, startLeadbot, timed, type Percentiles } from './measure-inbox.js';
import { seedInbox } from './seed-inbox.js';

/** What the analytics part of the bench measured. */
export type AnalyticsRow = {
  stored: number;
  /** Start with no analytics index: every stored conversation is read and projected first. */
  rebuildStartS: number;
  /** Start with the index file the previous run left. */
  indexedStartS: number;
  /** `GET /console/api/analytics` (the last 30 days). */
  api30: Percentiles;
  /** `GET /console/api/analytics` over 366 days (every conversation). */
  apiYear: Percentiles;
  /** `GET /console/analytics` (the page, the last 30 days). */
  page: Percentiles;
  /** `GET /console/api/analytics.csv?table=sources` over 366 days. */
  csv: Percentiles;
};

const MARKETER = { email: 'marketer@bench.example', password: 'bench password 123' };

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(MARKETER).toString(),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || cookie === undefined) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/**
 * The analytics at scale (issue 13: "the analytics page for 100,000 stored conversations
 * answers in < 1 s"): seeds `stored` conversations (the inbox seed: stages, sources and times
 * over 60 days), starts the real server twice (the first start builds the analytics index, the
 * second reads it), then times `requests` sequential requests of the API, the page and a CSV.
 */
export async function measureAnalytics(opts: {
  stored: number;
  requests: number;
  keep: boolean;
  onProgress: (line: string) => void;
}): Promise<AnalyticsRow> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'leadbot-bench-analytics-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  try {
    await seedInbox(dataDir, opts.stored);
    opts.onProgress(`analytics: seeded ${opts.stored} conversations`);
    const users = await createLowdbUserStore({ dataDir });
    await users.add({
      email: MARKETER.email,
      name: 'Bench Marketer',
      role: 'marketer',
      passwordHash: await hashPassword(MARKETER.password),
      disabled: false,
      createdAt: new Date().toISOString(),
    });
    let started = performance.now();
    await (await startLeadbot(dataDir, port)).stop();
    const rebuildStartS = (performance.now() - started) / 1000;
    started = performance.now();
    const server = await startLeadbot(dataDir, port);
    const indexedStartS = (performance.now() - started) / 1000;
    opts.onProgress(
      `analytics: first start (indexes built) ${rebuildStartS.toFixed(1)} s, second start ${indexedStartS.toFixed(1)} s`,
    );
    try {
      const session = { cookie: await signIn(server.url) };
      const today = new Date();
      const yearAgo = new Date(today.getTime() - 364 * 86_400_000);
      const year = `from=${yearAgo.toISOString().slice(0, 10)}&to=${today.toISOString().slice(0, 10)}`;
      const api = `${server.url}/console/api/analytics`;
      await get(api, session); // warm-up
      const row: AnalyticsRow = {
        stored: opts.stored,
        rebuildStartS,
        indexedStartS,
        api30: await timed(opts.requests, () => get(api, session)),
        apiYear: await timed(opts.requests, () => get(`${api}?${year}`, session)),
        page: await timed(opts.requests, () => get(`${server.url}/console/analytics`, session)),
        csv: await timed(opts.requests, () =>
          get(`${server.url}/console/api/analytics.csv?table=sources&${year}`, session),
        ),
      };
      opts.onProgress(
        `analytics: API p95 ${row.apiYear.p95.toFixed(1)} ms (366 days), page p95 ${row.page.p95.toFixed(1)} ms`,
      );
      return row;
    } finally {
      await server.stop();
    }
  } finally {
    if (!opts.keep) await rm(dataDir, { recursive: true, force: true });
  }
}

/** The analytics figures as a markdown table. */
export function formatAnalytics(r: AnalyticsRow): string {
  const line = (name: string, p: Percentiles): string =>
    `| ${name} | ${p.n} | ${p.p50.toFixed(1)} | ${p.p95.toFixed(1)} | ${p.max.toFixed(1)} |`;
  return [
    `### Analytics with ${r.stored} stored conversations (lowdb)`,
    '',
    `First start (analytics and inbox indexes built from the conversations): ${r.rebuildStartS.toFixed(1)} s; second start (indexes read): ${r.indexedStartS.toFixed(1)} s. Target: the page answers in < 1 s.`,
    '',
    '| request | n | p50 ms | p95 ms | max ms |',
    '| --- | --- | --- | --- | --- |',
    line('GET /console/api/analytics (last 30 days)', r.api30),
    line('GET /console/api/analytics (366 days)', r.apiYear),
    line('GET /console/analytics (page, last 30 days)', r.page),
    line('GET /console/api/analytics.csv?table=sources (366 days)', r.csv),
  ].join('\n');
}
