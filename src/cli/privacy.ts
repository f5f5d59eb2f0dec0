import { runAsMain } from './run-as-main.js';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { randomIds } from '../app/sequential-ids.js';
import { createLowdbCalendar } from '../booking/lowdb-calendar.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { createDestinations } from '../handoff/delivery/create-destinations.js';
import { createLowdbDeliveryStore } from '../handoff/delivery/lowdb-delivery-store.js';
import { createCancelNotifier } from '../privacy/cancel-notice.js';
import { erasePerson } from '../privacy/erase-person.js';
import { findPerson, isEmpty, summarize } from '../privacy/find-person.js';
import { formatErasure, formatSummary } from '../privacy/format-person.js';
import { PrivacyEmailSchema } from '../privacy/match-email.js';
import { personExport } from '../privacy/person-export.js';
import { createLowdbStore } from '../store/lowdb-store.js';
import type { CliIo } from './deliveries.js';
import { describeDataDir, type DataDirInfo } from './deliveries-context.js';

const USAGE = [
  'usage: npm run privacy -- find <email> [--json]',
  '       npm run privacy -- export <email> [--out <file>]',
  '       npm run privacy -- erase <email> [--yes]',
].join('\n');

const ADMIN_API_HINT = [
  'use the admin API while it runs (GET /admin/privacy/find?email=..., GET /admin/privacy/export?email=...,',
  'POST /admin/privacy/erase with {"email": ...}, each with Authorization: Bearer <ADMIN_TOKEN>),',
  'or stop the server and run this again',
].join(' ');

/** Exit codes: what a script calling the CLI can tell apart. */
export const PRIVACY_EXIT = { done: 0, refused: 1, usage: 2, noMatch: 3 } as const;

export type PrivacyCliIo = CliIo & {
  /** Asks the operator; null when there is no terminal to ask on (then `--yes` is required). */
  confirm?: ((question: string) => Promise<boolean>) | null;
  clock?: () => Date;
  fetch?: typeof fetch;
};

/**
 * `npm run privacy -- find|export|erase <email>`: one person's data in the server's data folder
 * (same config file and variables as the server). Runs with the server stopped: the server
 * holds the folder, and the CLI says to use `/admin/privacy/...` instead while it runs.
 * Returns the exit code: 0 done, 1 refused, 2 usage or bad input, 3 nothing stored for the email.
 *
 * @example await runPrivacyCli(['find', 'dana@example.com'], { out: console.log, err: console.error })
 */
export async function runPrivacyCli(argv: string[], io: PrivacyCliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        yes: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`privacy: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return PRIVACY_EXIT.usage;
  }
  const [command, rawEmail, ...extra] = args.positionals;
  if (
    (command !== 'find' && command !== 'export' && command !== 'erase') ||
    rawEmail === undefined ||
    extra.length > 0
  ) {
    io.err(USAGE);
    return PRIVACY_EXIT.usage;
  }
  const email = PrivacyEmailSchema.safeParse(rawEmail);
  if (!email.success) {
    io.err(`privacy: ${JSON.stringify(rawEmail.slice(0, 80))} is not an email address`);
    return PRIVACY_EXIT.usage;
  }
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  const clock = io.clock ?? ((): Date => new Date());
  try {
    const loaded = loadConfig(env, cwd);
    const where = describeDataDir(loaded, env, cwd);
    // Never creates a data folder: a wrong DATA_DIR must read as "nothing here".
    if (!existsSync(path.join(where.dir, 'conversations'))) {
      io.err(`privacy: nothing stored in ${where.label}: is this the server's data folder?`);
      return PRIVACY_EXIT.noMatch;
    }
    const store = await openStore(where);
    const calendar = await createLowdbCalendar({ dataDir: where.dir, clock });
    const deliveries = await createLowdbDeliveryStore({ dataDir: where.dir });
    try {
      const deps = { store, calendar, deliveries, clock };
      const found = await findPerson(deps, email.data);
      if (isEmpty(found)) {
        io.err(`privacy: nothing stored for ${email.data} in ${where.label}`);
        return PRIVACY_EXIT.noMatch;
      }
      if (command === 'find') {
        const summary = summarize(found);
        if (args.values.json) io.out(JSON.stringify({ dataDir: where.dir, ...summary }));
        else formatSummary(summary, where.label).forEach((l) => io.out(l));
        return PRIVACY_EXIT.done;
      }
      if (command === 'export') {
        const json = JSON.stringify(personExport(found, clock()), null, 2);
        if (args.values.out === undefined) io.out(json);
        else {
          const file = path.resolve(cwd, args.values.out);
          // Personal data: readable by its owner only, and never over another file.
          writeFileSync(file, `${json}\n`, { flag: 'wx', mode: 0o600 });
          io.err(`exported ${email.data} to ${file}`);
        }
        return PRIVACY_EXIT.done;
      }
      formatSummary(summarize(found), where.label).forEach((l) => io.err(l));
      if (!args.values.yes) {
        const confirm = io.confirm === undefined ? terminalConfirm() : io.confirm;
        if (confirm === null) {
          io.err(
            'privacy: erase asks for confirmation on a terminal; pass --yes to erase without asking',
          );
          return PRIVACY_EXIT.usage;
        }
        if (!(await confirm(`Erase all of this for good? Type "yes" to erase: `))) {
          io.err('privacy: nothing erased');
          return PRIVACY_EXIT.refused;
        }
      }
      const notifyCanceled = createCancelNotifier({
        config: loaded.config,
        destinations: createDestinations(loaded.config, loaded.runtime, {
          env,
          promptsDir: path.resolve(cwd, loaded.config.promptsDir),
        }),
        disabledDestinations: () => deliveries.disabledDestinations(),
        clock,
        newId: randomIds,
        fetch: io.fetch,
      });
      const report = await erasePerson({ ...deps, notifyCanceled }, email.data, found);
      formatErasure(report).forEach((l) => io.out(l));
      return PRIVACY_EXIT.done;
    } finally {
      await deliveries.close();
      await store.close();
    }
  } catch (e) {
    if (isAppError(e) || e instanceof ConfigError) {
      io.err(`privacy: ${e.message}`);
      return PRIVACY_EXIT.refused;
    }
    if (e instanceof Error && 'code' in e && e.code === 'EEXIST') {
      io.err(`privacy: ${args.values.out ?? ''} exists already: nothing was written over it`);
      return PRIVACY_EXIT.refused;
    }
    throw e;
  }
}

/**
 * Opens the conversation store, or says what to do when the server holds it: the store refuses
 * a second process on its journal, and the admin API does the same work while the server runs.
 */
async function openStore(where: DataDirInfo) {
  try {
    return await createLowdbStore({ dataDir: where.dir });
  } catch (e) {
    if (isAppError(e) && /in use by/.test(e.message))
      throw new AppError(
        'CONFLICT',
        `the server is running on ${where.label}: ${ADMIN_API_HINT} (${e.message})`,
      );
    throw e;
  }
}

/** A yes/no question on the terminal; null without one (a pipe, a cron job). */
function terminalConfirm(): ((question: string) => Promise<boolean>) | null {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  };
}

runAsMain(import.meta.url, 'privacy', runPrivacyCli);
