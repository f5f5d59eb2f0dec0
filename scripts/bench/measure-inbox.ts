import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { createLowdbUserStore } from '../../src/console/users/lowdb-user-store.js';
import { hashPassword } from '../../src/console/users/password.js';
import { connectConversation } from './bench-client.js';
import { REPO_ROOT } from './rules-server.js';
import { seedInbox } from './seed-inbox.js';
import { START_FLAGS } from './spawn-server.js';
import { answerFor, personaFor } from './visitor-script.js';

/** Nearest-rank p50 / p95 / max of durations in ms (NaN for none). */
export type Percentiles = { n: number; p50: number; p95: number; max: number };
export function percentiles(ms: readonly number[]): Percentiles {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

/** What the inbox part of the bench measured. */
export type InboxRow = {
  stored: number;
  seedS: number;
  /** Start with no index: the server projects every stored conversation first. */
  rebuildStartS: number;
  /** Start with the index file the previous run left. */
  indexedStartS: number;
  firstPageJson: Percentiles;
  firstPageHtml: Percentiles;
  filtered: Percentiles;
  /** From the visitor message that made the lead SQL to `inbox:alert` on an open console socket. */
  sqlAlert: Percentiles;
  sqlAlertMissed: number;
};

const PAUSE_MS = 300;
const pause = (ms: number): Promise<null> => new Promise((r) => setTimeout(() => r(null), ms));
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const REP = { email: 'rep@bench.example', password: 'bench password 123' };

type Leadbot = { url: string; stop(): Promise<void> };

/** `npm start` (its flags) on a free port over `dataDir`; resolves once it listens. */
export async function startLeadbot(dataDir: string, port: number): Promise<Leadbot> {
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    LEADBOT_CONFIG: '',
    OPENAI_API_KEY: '',
    LLM_BASE_URL: '',
  };
  const child = spawn(process.execPath, [...START_FLAGS, '--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('leadbot listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`leadbot exited with ${code}: ${err}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // a clean stop writes the index compactly
      await exited;
    },
  };
}

export async function timed(n: number, fn: () => Promise<void>): Promise<Percentiles> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  return percentiles(ms);
}

export async function get(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(REP).toString(),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || cookie === undefined) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/** Plays persona 0 (a qualified buyer) until an SQL alert comes; returns ms from the message that did it. */
async function timeSqlAlert(
  url: string,
  alerts: { next(): Promise<number> },
): Promise<number | null> {
  const persona = personaFor(0);
  const visitor = await connectConversation(url);
  try {
    const hello = await visitor.hello(persona.visitor);
    let last = hello.last;
    let sentAt = 0;
    const alert = alerts.next();
    for (let turn = 0; turn < 10 && last !== null && last.final !== true; turn++) {
      const text = answerFor(persona, last.expecting, last.quickReplies);
      if (text === null) break;
      sentAt = performance.now();
      const result = await visitor.turn(text);
      // A visitor's pause before the next message: an alert still on its way lands in it.
      const arrived = await Promise.race([alert, pause(PAUSE_MS)]);
      if (arrived !== null) return arrived - sentAt;
      last = result.replies.at(-1) ?? null;
    }
    const late = await Promise.race([
      alert,
      new Promise<null>((r) => setTimeout(() => r(null), 2000)),
    ]);
    return late === null ? null : late - sentAt;
  } finally {
    visitor.close();
  }
}

/**
 * The inbox at scale (issue 12): seeds `stored` conversations into a fresh data folder, starts
 * the real server twice (the first start builds the inbox index, the second reads it), then
 * times `requests` sequential requests for the inbox's first page (JSON API and HTML page) and
 * a filtered search, and, with a rep's console socket open, the time from the visitor message
 * that makes a lead SQL to its `inbox:alert` (`alerts` conversations, one after the other).
 */
export async function measureInbox(opts: {
  stored: number;
  requests: number;
  alerts: number;
  keep: boolean;
  onProgress: (line: string) => void;
}): Promise<InboxRow> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'leadbot-bench-inbox-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  try {
    let started = performance.now();
    await seedInbox(dataDir, opts.stored);
    const seedS = (performance.now() - started) / 1000;
    opts.onProgress(`inbox: seeded ${opts.stored} conversations in ${seedS.toFixed(1)} s`);
    const users = await createLowdbUserStore({ dataDir });
    await users.add({
      email: REP.email,
      name: 'Bench Rep',
      role: 'rep',
      passwordHash: await hashPassword(REP.password),
      disabled: false,
      createdAt: new Date().toISOString(),
    });

    started = performance.now();
    await (await startLeadbot(dataDir, port)).stop();
    const rebuildStartS = (performance.now() - started) / 1000;
    started = performance.now();
    const server = await startLeadbot(dataDir, port);
    const indexedStartS = (performance.now() - started) / 1000;
    opts.onProgress(
      `inbox: first start (index built) ${rebuildStartS.toFixed(1)} s, second start ${indexedStartS.toFixed(1)} s`,
    );
    try {
      const cookie = await signIn(server.url);
      const session = { cookie };
      await get(`${server.url}/console/api/inbox`, session); // warm-up
      const firstPageJson = await timed(opts.requests, () =>
        get(`${server.url}/console/api/inbox`, session),
      );
      const firstPageHtml = await timed(opts.requests, () => get(`${server.url}/console`, session));
      const filtered = await timed(opts.requests, () =>
        get(`${server.url}/console/api/inbox?stage=SQL&q=harborline&person=0`, session),
      );
      opts.onProgress(
        `inbox: first page p95 ${firstPageJson.p95.toFixed(1)} ms (JSON), ${firstPageHtml.p95.toFixed(1)} ms (page)`,
      );

      const live = io(`${server.url}/console`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie, origin: server.url },
      });
      await new Promise<void>((resolve, reject) => {
        live.once('connect', resolve);
        live.once('connect_error', reject);
      });
      let waiter: ((at: number) => void) | null = null;
      live.on('inbox:alert', (a: { kind?: string }) => {
        if (a.kind === 'sql') waiter?.(performance.now());
      });
      const alerts = { next: () => new Promise<number>((resolve) => (waiter = resolve)) };
      const sqlMs: number[] = [];
      let missed = 0;
      for (let i = 0; i < opts.alerts; i++) {
        const ms = await timeSqlAlert(server.url, alerts);
        if (ms === null) missed++;
        else sqlMs.push(ms);
      }
      live.close();
      return {
        stored: opts.stored,
        seedS,
        rebuildStartS,
        indexedStartS,
        firstPageJson,
        firstPageHtml,
        filtered,
        sqlAlert: percentiles(sqlMs),
        sqlAlertMissed: missed,
      };
    } finally {
      await server.stop();
    }
  } finally {
    if (!opts.keep) await rm(dataDir, { recursive: true, force: true });
  }
}
