import { parseArgs } from 'node:util';

export const PHASES = ['load', 'burst', 'store', 'takeover', 'inbox', 'analytics'] as const;
export type Phase = (typeof PHASES)[number];

export type BenchOptions = {
  /** Which parts run: the paced load runs, the closed-loop throughput run, the store sizes. */
  phases: Phase[];
  /** Concurrent conversations of each load run, e.g. [200, 1000]. */
  conversations: number[];
  /** At most this many visitor messages per conversation. */
  turns: number;
  /** A visitor's mean pause before each message, ms (0: closed loop). */
  thinkMs: number;
  /** Conversations of the closed-loop throughput run (no pauses). */
  burstConversations: number;
  /** The large and small store sizes compared, and the fresh conversations timed on each. */
  storedLarge: number;
  storedSmall: number;
  storeConversations: number;
  /** Rounds of the store comparison (small, large, small, large, ...): noise averages out. */
  storeRounds: number;
  /** Rep messages timed to the visitor's widget socket (live takeover). */
  takeoverMessages: number;
  /** The inbox part: conversations stored, requests timed per query, SQL alerts timed. */
  inboxStored: number;
  inboxRequests: number;
  inboxAlerts: number;
  /** Write a CPU profile of the rules server during the largest load run and summarize it. */
  profile: boolean;
  /** Also write the markdown results here. */
  out: string | null;
  /** Keep the temporary data folders (to inspect them). */
  keep: boolean;
  quick: boolean;
};

const USAGE = `npm run bench -- [options]
  --conversations 200,1000  concurrent conversations of each load run
  --turns 6                 visitor messages per conversation (at most)
  --think-ms 5000           a visitor's mean pause before each message (0 = closed loop)
  --burst 200               conversations of the closed-loop throughput run
  --stored 100000           the large store size (compared with 100)
  --store-conversations 40  fresh conversations timed on each store size
  --store-rounds 3          alternating rounds of the store comparison
  --takeover-messages 500   rep messages timed to the visitor's widget (live takeover)
  --phases load,burst,store,takeover,inbox,analytics  which parts to run (--phases inbox runs the inbox alone)
  --inbox-stored 100000     conversations stored for the inbox and analytics parts
  --inbox-requests 200      requests timed per inbox query
  --inbox-alerts 20         SQL leads timed from the visitor's message to the console alert
  --profile                 CPU-profile the rules server in the largest load run
  --out FILE                also write the markdown results to FILE
  --keep                    keep the temporary data folders
  --quick                   a ~30 s smoke run: 100 conversations, 0.5 s pauses, 20,000 stored`;

/**
 * Parses the bench's flags; `--quick` changes the defaults, explicit flags still win.
 * Throws with the usage text on an unknown flag or a bad number.
 *
 * @example parseBenchOptions(['--conversations', '50,500', '--turns', '4'])
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      conversations: { type: 'string' },
      turns: { type: 'string' },
      'think-ms': { type: 'string' },
      burst: { type: 'string' },
      stored: { type: 'string' },
      'store-conversations': { type: 'string' },
      'store-rounds': { type: 'string' },
      'takeover-messages': { type: 'string' },
      'inbox-stored': { type: 'string' },
      'inbox-requests': { type: 'string' },
      'inbox-alerts': { type: 'string' },
      phases: { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const quick = values.quick;
  const int = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name}: expected a whole number >= ${min}, got "${raw}"\n\n${USAGE}`);
    return n;
  };
  const conversations = (values.conversations ?? (quick ? '100' : '200,1000'))
    .split(',')
    .map((s) => int('conversations', s.trim(), 0, 1));
  const phases = (values.phases ?? PHASES.join(',')).split(',').map((raw) => {
    const phase = PHASES.find((p) => p === raw.trim());
    if (phase === undefined)
      throw new Error(`--phases: expected some of ${PHASES.join(', ')}, got "${raw}"\n\n${USAGE}`);
    return phase;
  });
  return {
    phases,
    conversations,
    turns: int('turns', values.turns, 6, 1),
    thinkMs: int('think-ms', values['think-ms'], quick ? 500 : 5000, 0),
    burstConversations: int('burst', values.burst, quick ? 50 : 200, 1),
    // Above the small store's 100, or the comparison would compare a size with itself.
    storedLarge: int('stored', values.stored, quick ? 20_000 : 100_000, 101),
    storedSmall: 100,
    storeConversations: int(
      'store-conversations',
      values['store-conversations'],
      quick ? 10 : 40,
      1,
    ),
    storeRounds: int('store-rounds', values['store-rounds'], quick ? 1 : 3, 1),
    takeoverMessages: int('takeover-messages', values['takeover-messages'], quick ? 100 : 500, 1),
    inboxStored: int('inbox-stored', values['inbox-stored'], quick ? 20_000 : 100_000, 1),
    inboxRequests: int('inbox-requests', values['inbox-requests'], quick ? 50 : 200, 1),
    inboxAlerts: int('inbox-alerts', values['inbox-alerts'], quick ? 5 : 20, 1),
    profile: values.profile,
    out: values.out ?? null,
    keep: values.keep,
    quick,
  };
}
