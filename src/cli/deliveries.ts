import { runAsMain } from './run-as-main.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { createDestinations } from '../handoff/delivery/create-destinations.js';
import {
  DELIVERY_STATUSES,
  type Delivery,
  type DeliveryStatus,
} from '../handoff/delivery/delivery-schema.js';
import type { DeliveryStore } from '../handoff/delivery/delivery-store.js';
import { createDeliveryWorker } from '../handoff/delivery/delivery-worker.js';
import { createLowdbDeliveryStore } from '../handoff/delivery/lowdb-delivery-store.js';
import type { Store } from '../store/store.js';
import { describeDataDir, missingDestination, type DataDirInfo } from './deliveries-context.js';

const USAGE = [
  `usage: npm run deliveries -- list [--status ${DELIVERY_STATUSES.join('|')}] [--destination <id>] [--limit <n>] [--json]`,
  '       npm run deliveries -- redeliver <deliveryId>',
  '       npm run deliveries -- enable <destinationId>',
].join('\n');

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
};

const isStatus = (s: string): s is DeliveryStatus =>
  (DELIVERY_STATUSES as readonly string[]).includes(s);

/**
 * `npm run deliveries -- <command>`: lists deliveries (`list`), queues one again (`redeliver`)
 * or re-enables a destination disabled by a 410 (`enable`), on the data folder of the config.
 * A redelivery is written to the store: the running server sends it at its next refresh (within
 * 15 s: it re-reads the outbox every 10 s), or at its next start. Returns the exit code: 0 done, 1 refused, 2 usage.
 *
 * @example await runDeliveriesCli(['list', '--status', 'dead'], { out: console.log, err: console.error })
 */
export async function runDeliveriesCli(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        status: { type: 'string' },
        destination: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`deliveries: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const [command, target, ...extra] = args.positionals;
  const status = args.values.status;
  const limit = args.values.limit === undefined ? 50 : Number(args.values.limit);
  const usable =
    (command === 'list' &&
      target === undefined &&
      (status === undefined || isStatus(status)) &&
      Number.isInteger(limit) &&
      limit > 0) ||
    ((command === 'redeliver' || command === 'enable') && target !== undefined);
  if (!usable || extra.length > 0) {
    io.err(USAGE);
    return 2;
  }

  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  try {
    // The same config file and environment as the server: run it where the server runs, with its variables.
    const loaded = loadConfig(env, cwd);
    const where = describeDataDir(loaded, env, cwd);
    // Never creates folders: a wrong DATA_DIR must show up as "nothing here", not as a new empty outbox.
    const deliveries = existsSync(path.join(where.dir, 'outbox', 'deliveries'))
      ? await createLowdbDeliveryStore({ dataDir: where.dir })
      : null;
    try {
      if (command === 'list') {
        const found =
          deliveries === null
            ? []
            : await deliveries.list({
                status: status !== undefined && isStatus(status) ? status : undefined,
                destinationId: args.values.destination,
              });
        const shown = found.slice(0, limit);
        if (args.values.json)
          io.out(JSON.stringify({ dataDir: where.dir, total: found.length, deliveries: shown }));
        else formatList(shown, found.length, where).forEach((line) => io.out(line));
        return 0;
      }
      if (deliveries === null)
        throw new AppError(
          'NOT_FOUND',
          `no outbox in ${where.label}: is this the server's data folder?`,
        );
      const destinations = createDestinations(loaded.config, loaded.runtime, {
        env,
        promptsDir: path.resolve(cwd, loaded.config.promptsDir),
        expandHeaders: false,
      });
      const known = (id: string): void => {
        if (!destinations.some((d) => d.id === id))
          throw new AppError(
            'NOT_FOUND',
            missingDestination(
              id,
              destinations.map((d) => d.id),
              loaded,
              cwd,
            ),
          );
      };
      // No start(): the worker only writes the records; the server's worker sends them.
      const worker = createDeliveryWorker({
        store: NO_CONVERSATIONS,
        deliveries,
        destinations,
        config: loaded.config,
        clock: () => new Date(),
        logger: { warn: () => undefined, error: (m) => io.err(m) },
      });
      if (command === 'redeliver' && target !== undefined) {
        known((await find(deliveries, target, where)).destinationId);
        const d = await worker.redeliver(target);
        io.out(
          `queued ${d.id} (${d.eventType}, webhook-id ${d.eventId}) for "${d.destinationId}" in ${where.dir}: the running server sends it within 15 s, or at its next start.`,
        );
      } else if (target !== undefined) {
        known(target);
        const n = await worker.enableDestination(target);
        io.out(`enabled "${target}"; ${n} held-back deliver${n === 1 ? 'y' : 'ies'} queued.`);
      }
      return 0;
    } finally {
      await deliveries?.close();
    }
  } catch (e) {
    if (isAppError(e) || e instanceof ConfigError) {
      io.err(`deliveries: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** The CLI never reads conversations (bodies are built by the server when it sends). */
const NO_CONVERSATIONS: Store = {
  getConversation: () =>
    Promise.reject(new AppError('INTERNAL', 'the deliveries CLI does not read conversations')),
  saveConversation: () =>
    Promise.reject(new AppError('INTERNAL', 'the deliveries CLI does not write conversations')),
  pendingEvents: () => Promise.resolve([]),
  markHandedOver: () =>
    Promise.reject(new AppError('INTERNAL', 'the deliveries CLI does not hand events over')),
  eraseConversation: () =>
    Promise.reject(new AppError('INTERNAL', 'the deliveries CLI does not erase conversations')),
  listConversationIds: () => Promise.resolve([]),
  queryInbox: () =>
    Promise.reject(new AppError('INTERNAL', 'the deliveries CLI does not list the inbox')),
  close: () => Promise.resolve(),
};

async function find(deliveries: DeliveryStore, id: string, where: DataDirInfo): Promise<Delivery> {
  const d = await deliveries.get(id);
  if (d === null) throw new AppError('NOT_FOUND', `no delivery with id "${id}" in ${where.label}`);
  return d;
}

/** One line per delivery, newest first: what an operator scans for dead letters. */
function formatList(list: readonly Delivery[], total: number, where: DataDirInfo): string[] {
  if (list.length === 0) return [`No deliveries in ${where.label}.`];
  const rows = list.map((d) => {
    const last = d.attempts[d.attempts.length - 1];
    const outcome =
      last === undefined ? '-' : last.status !== null ? `HTTP ${last.status}` : (last.error ?? '-');
    return [
      d.id,
      d.status,
      d.destinationId,
      d.eventType,
      String(d.attempts.length),
      outcome.slice(0, 60),
      d.nextAttemptAt ?? d.reason ?? '',
    ];
  });
  const header = [
    'id',
    'status',
    'destination',
    'event',
    'attempts',
    'last outcome',
    'next attempt / reason',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [`Deliveries in ${where.label}, newest first:`, line(header), ...rows.map(line)];
  if (total > list.length) out.push(`(${list.length} of ${total} shown; use --limit)`);
  return out;
}

runAsMain(import.meta.url, 'deliveries', runDeliveriesCli);
