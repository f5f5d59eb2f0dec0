import { runAsMain } from './run-as-main.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../analytics/build-report.js';
import { formatReport } from '../analytics/format-report.js';
import { checkPeriod } from '../analytics/report-period.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { createLowdbStore } from '../store/lowdb-store.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './deliveries.js';
import { describeDataDir, type DataDirInfo } from './deliveries-context.js';

const USAGE = 'usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--json]';

/** Exit codes: what a script calling the CLI can tell apart. */
export const REPORT_EXIT = { done: 0, refused: 1, usage: 2 } as const;

export type ReportCliIo = CliIo & { clock?: () => Date };

/**
 * `npm run report -- --from 2026-01-01 --to 2026-01-31 [--json]`: the analytics report
 * (DESIGN.md "Analytics definitions") of the conversations in the server's data folder that
 * started on those days (both included) in the company's time zone (`booking.timezone`).
 * Tables for a person, or the report's JSON with `--json`. Runs with the server stopped (the
 * server holds the folder). Returns the exit code: 0 done, 1 refused, 2 usage or bad dates.
 *
 * @example await runReportCli(['--from', '2026-01-01', '--to', '2026-01-31'], { out: console.log, err: console.error })
 */
export async function runReportCli(argv: string[], io: ReportCliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`report: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return REPORT_EXIT.usage;
  }
  const { from, to, json } = args.values;
  if (from === undefined || to === undefined) {
    io.err(`report: --from and --to are both required\n${USAGE}`);
    return REPORT_EXIT.usage;
  }
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  const now = (io.clock ?? ((): Date => new Date()))();
  try {
    const loaded = loadConfig(env, cwd);
    const timezone = loaded.config.booking.timezone;
    try {
      checkPeriod({ from, to, timezone });
    } catch (e) {
      if (!isAppError(e)) throw e;
      io.err(`report: ${e.message}\n${USAGE}`);
      return REPORT_EXIT.usage;
    }
    const where = describeDataDir(loaded, env, cwd);
    const conversations: Conversation[] = [];
    // A data folder with nothing stored yet reports zeros; it is never created here.
    if (existsSync(path.join(where.dir, 'conversations'))) {
      const store = await openStore(where);
      try {
        conversations.push(...(await readAll(store)));
      } finally {
        await store.close();
      }
    }
    const report = buildReport(conversations, { from, to, timezone, now });
    if (json) io.out(JSON.stringify(report, null, 2));
    else formatReport(report).forEach((line) => io.out(line));
    return REPORT_EXIT.done;
  } catch (e) {
    if (isAppError(e) || e instanceof ConfigError) {
      io.err(`report: ${e.message}`);
      return REPORT_EXIT.refused;
    }
    throw e;
  }
}

async function readAll(store: Store): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for (const id of await store.listConversationIds()) {
    const conv = await store.getConversation(id);
    if (conv !== null) out.push(conv);
  }
  return out;
}

/** Opens the store, or says to stop the server when it holds the folder. */
async function openStore(where: DataDirInfo): Promise<Store> {
  try {
    return await createLowdbStore({ dataDir: where.dir });
  } catch (e) {
    if (isAppError(e) && /in use by/.test(e.message))
      throw new AppError(
        'CONFLICT',
        `the server is running on ${where.label}: stop it and run the report again (${e.message})`,
      );
    throw e;
  }
}

runAsMain(import.meta.url, 'report', runReportCli);
