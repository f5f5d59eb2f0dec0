import type { LoadRow } from './measure-load.js';
import type { StoreRow } from './measure-store.js';

/** Everything one bench run measured. */
export type BenchResults = {
  context: {
    node: string;
    cpus: number;
    loadBefore: number;
    loadAfter: number;
    date: string;
    thinkMs: number;
    turns: number;
    durationS: number;
  };
  paced: LoadRow[];
  burst: LoadRow[];
  store: StoreRow[];
};

/** A target of issue 3, its measurement and whether it is met (null: not measured). */
export type TargetCheck = { target: string; measured: string; met: boolean | null };

const ms = (v: number): string =>
  Number.isNaN(v) ? 'n/a' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`;
const x = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');
const table = (head: string[], rows: string[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const errorsOf = (r: LoadRow): string => {
  const list = Object.entries(r.errors).map(([code, n]) => `${code} ${n}`);
  if (r.serverErrorCount > 0) list.push(`${r.serverErrorCount} logged by the server`);
  return list.length === 0 ? 'none' : list.join(', ');
};

/** Checks the bench targets of issue 3 against the results. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const pairs = r.paced
    .filter((row) => row.server === 'rules')
    .map((rules) => ({
      rules,
      echo: r.paced.find((e) => e.server === 'echo' && e.conversations === rules.conversations),
    }));
  const ratios = pairs.map(({ rules, echo }) => ({
    n: rules.conversations,
    ratio: echo ? rules.reply.p50 / echo.reply.p50 : Number.NaN,
  }));
  checks.push({
    target: 'turn p50 within 5x of the echo floor',
    measured: ratios.map((q) => `${q.n} conversations: ${x(q.ratio)}`).join('; ') || 'not measured',
    met: ratios.length === 0 ? null : ratios.every((q) => q.ratio <= 5),
  });
  const thousand = r.paced.find((row) => row.server === 'rules' && row.conversations >= 1000);
  checks.push({
    target: '1,000 concurrent conversations on one process, p99 under 100 ms',
    measured: thousand
      ? `p99 ${ms(thousand.reply.p99)} with ${thousand.conversations} conversations (errors: ${errorsOf(thousand)})`
      : 'not measured (needs --conversations 1000)',
    met: thousand ? thousand.reply.p99 < 100 && errorsOf(thousand) === 'none' : null,
  });
  const small = r.store.reduce<StoreRow | undefined>(
    (a, b) => (a === undefined || b.stored < a.stored ? b : a),
    undefined,
  );
  const large = r.store.reduce<StoreRow | undefined>(
    (a, b) => (a === undefined || b.stored > a.stored ? b : a),
    undefined,
  );
  const storeRatio = small && large ? large.reply.p50 / small.reply.p50 : Number.NaN;
  checks.push({
    target: `per-turn time with ${large?.stored.toLocaleString('en-US') ?? '100,000'} stored within 1.2x of ${small?.stored ?? 100}`,
    measured:
      small && large
        ? `p50 ${ms(large.reply.p50)} vs ${ms(small.reply.p50)}: ${x(storeRatio)} (mean ${x(large.reply.mean / small.reply.mean)})`
        : 'not measured',
    met: small && large && small !== large ? storeRatio <= 1.2 : null,
  });
  return checks;
}

/** The results as markdown tables (the README copies them). */
export function formatResults(r: BenchResults): string {
  const c = r.context;
  const floorOf = (row: LoadRow, rows: LoadRow[]): string => {
    const echo = rows.find((e) => e.server === 'echo' && e.conversations === row.conversations);
    return row.server === 'echo' || !echo ? '1x' : x(row.reply.p50 / echo.reply.p50);
  };
  const latency = (rows: LoadRow[]): string =>
    table(
      [
        'server',
        'conversations',
        'turns',
        'turns/s',
        'reply p50',
        'reply p99',
        'p50 / echo p50',
        'ack p50',
        'ack p99',
        'server turn p50 / p99',
        'hello p50',
        'errors',
      ],
      rows.map((row) => [
        row.server,
        String(row.conversations),
        String(row.turns),
        row.turnsPerSecond.toFixed(0),
        ms(row.reply.p50),
        ms(row.reply.p99),
        floorOf(row, rows),
        ms(row.ack.p50),
        ms(row.ack.p99),
        row.server === 'echo' ? 'n/a' : `${ms(row.serverTurnP50Ms)} / ${ms(row.serverTurnP99Ms)}`,
        ms(row.hello.p50),
        errorsOf(row),
      ]),
    );
  const resources = (rows: LoadRow[]): string =>
    table(
      [
        'server',
        'conversations',
        'RSS / connection',
        'heap+buffers / connection',
        'RSS, all connected',
        'server CPU / turn (kernel part)',
        'event-loop delay p99 / max',
        'longest GC pause',
        'full GCs',
        'load average',
      ],
      rows.map((row) => [
        row.server,
        String(row.conversations),
        `${row.rssPerConnectionKb.toFixed(1)} KB`,
        `${row.heapPerConnectionKb.toFixed(1)} KB`,
        `${row.rssMb.toFixed(0)} MB`,
        `${ms(row.cpuPerTurnMs)} (${ms(row.systemCpuPerTurnMs)})`,
        `${ms(row.loopP99Ms)} / ${ms(row.loopMaxMs)}`,
        ms(row.gcMaxMs),
        String(row.gcFull),
        row.loadAverage.toFixed(1),
      ]),
    );
  const burstRules = r.burst.find((b) => b.server === 'rules');
  const capacity =
    burstRules && c.thinkMs > 0 ? Math.floor((burstRules.turnsPerSecond * c.thinkMs) / 1000) : null;
  const parts = [
    `Measured ${c.date} on ${c.cpus} CPUs, Node ${c.node}; load average ${c.loadBefore.toFixed(1)} before and ${c.loadAfter.toFixed(1)} after the run (${c.durationS.toFixed(0)} s). ` +
      'Each row is a fresh server process in rules mode (lowdb store, real prompts, rules extractor, real clock) or the bare socket.io echo floor; the load generator runs in another process on the same machine.',
  ];
  if (r.paced.length > 0) {
    parts.push(
      '',
      `### Live load: visitors pause ${(c.thinkMs / 1000).toFixed(1)} s on average (0.5-1.5x) before each of up to ${c.turns} messages`,
      '',
      [
        'reply = from `emitWithAck` to the first `agent:message`; ack = to the stored-message ack;',
        'hello = `session:hello` ack, 50 visitors connecting at a time;',
        'server turn = inside the server, from the gateway calling the chat service to the first reply message (rules only);',
        'memory per connection = growth from before to after every visitor connected and greeted, idle, after a full GC;',
        "server CPU counts all its threads (file I/O included); full GCs = mark-compact collections during the turns (V8 drops compiled regular expressions at each, so the next messages recompile the rules' patterns: the p99);",
        'load average = the 1-minute load of the machine when the row ended.',
      ].join(' '),
      '',
      latency(r.paced),
      '',
      resources(r.paced),
    );
  }
  if (r.burst.length > 0) {
    parts.push(
      '',
      '### Throughput: closed loop (each visitor sends as soon as the reply ends)',
      '',
      latency(r.burst),
      '',
      resources(r.burst),
    );
    if (capacity !== null) {
      parts.push(
        '',
        `At ${burstRules?.turnsPerSecond.toFixed(0)} turns/s, one rules-mode process saturates at about ${capacity.toLocaleString('en-US')} conversations whose visitors send a message every ${(c.thinkMs / 1000).toFixed(1)} s.`,
      );
    }
  }
  if (r.store.length > 0) {
    parts.push(
      '',
      '### Store size: fresh conversations played one at a time',
      '',
      table(
        [
          'stored conversations',
          'turns timed',
          'reply p50',
          'reply mean',
          'reply p99',
          'ack p50',
          'new session hello p50',
          'resume stored p50',
        ],
        r.store.map((s) => [
          s.stored.toLocaleString('en-US'),
          String(s.reply.n),
          ms(s.reply.p50),
          ms(s.reply.mean),
          ms(s.reply.p99),
          ms(s.ack.p50),
          ms(s.hello.p50),
          ms(s.resume.p50),
        ]),
      ),
    );
  }
  parts.push(
    '',
    '### Targets (issue 3)',
    '',
    table(
      ['target', 'measured', 'met'],
      checkTargets(r).map((t) => [
        t.target,
        t.measured,
        t.met === null ? 'not measured' : t.met ? 'yes' : '**no**',
      ]),
    ),
  );
  return parts.join('\n');
}
