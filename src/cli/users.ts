import { runAsMain } from './run-as-main.js';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { createLowdbUserStore, usersFile } from '../console/users/lowdb-user-store.js';
import { generatePassword, hashPassword, PasswordSchema } from '../console/users/password.js';
import { RoleSchema, UserEmailSchema, UserSchema } from '../console/users/user.js';
import { isAppError } from '../errors/app-error.js';
import type { CliIo } from './deliveries.js';
import { describeDataDir } from './deliveries-context.js';

const USAGE = [
  'usage: npm run users -- add <email> --name "<name>" --role rep|marketer|admin',
  '       npm run users -- list',
  '       npm run users -- disable <email>',
  '       npm run users -- reset-password <email>',
  'add and reset-password print a new password, or read one line from stdin when it is not a terminal',
].join('\n');

/** Exit codes: what a script calling the CLI can tell apart. */
export const USERS_EXIT = { done: 0, refused: 1, usage: 2, noUser: 3 } as const;

export type UsersCliIo = CliIo & {
  /** The password piped in; null on a terminal (then one is generated and printed). */
  readPassword?: (() => Promise<string>) | null;
  clock?: () => Date;
};

const Args = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('add'),
    email: UserEmailSchema,
    name: UserSchema.shape.name,
    role: RoleSchema,
  }),
  z.object({ command: z.literal('list') }),
  z.object({ command: z.literal('disable'), email: UserEmailSchema }),
  z.object({ command: z.literal('reset-password'), email: UserEmailSchema }),
]);

/**
 * `npm run users -- add|list|disable|reset-password`: the rep console's users, in
 * `<dataDir>/console/users.json` of the server's data folder (same config and variables as the
 * server). It may run while the server does: the server reads the file on every request, so a
 * disabled user is signed out at their next click. Returns 0 done, 1 refused, 2 usage or bad
 * input, 3 no such user.
 *
 * @example await runUsersCli(['add', 'ana@beacon.example', '--name', 'Ana', '--role', 'rep'], io)
 */
export async function runUsersCli(argv: string[], io: UsersCliIo): Promise<number> {
  let parsed;
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: 'string' }, role: { type: 'string' } },
    });
    const [command, email, ...extra] = positionals;
    if (extra.length > 0) throw new Error(`unexpected ${extra.join(' ')}`);
    parsed = Args.safeParse({ command, email, ...values });
  } catch (e) {
    io.err(`users: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return USERS_EXIT.usage;
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    io.err(
      `users: ${issue?.path.join('.') || 'command'}: ${issue?.message ?? 'invalid'}\n${USAGE}`,
    );
    return USERS_EXIT.usage;
  }
  const args = parsed.data;
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  const clock = io.clock ?? ((): Date => new Date());
  try {
    const where = describeDataDir(loadConfig(env, cwd), env, cwd);
    const users = await createLowdbUserStore({ dataDir: where.dir });
    if (args.command === 'list') {
      const all = await users.list();
      if (all.length === 0) io.err(`users: no console users in ${usersFile(where.dir)}`);
      for (const u of all)
        io.out(
          [u.email, u.role, u.disabled ? 'disabled' : 'active', u.createdAt, u.name].join('\t'),
        );
      return USERS_EXIT.done;
    }
    if (args.command !== 'add' && (await users.get(args.email)) === null) {
      io.err(`users: no console user ${args.email} in ${usersFile(where.dir)}`);
      return USERS_EXIT.noUser;
    }
    if (args.command === 'disable') {
      await users.update(args.email, { disabled: true });
      io.err(`users: ${args.email} is disabled; their sessions end at their next request`);
      return USERS_EXIT.done;
    }
    if (args.command === 'add' && (await users.get(args.email)) !== null) {
      io.err(`users: ${args.email} exists already (use reset-password to give a new password)`);
      return USERS_EXIT.refused;
    }
    const password = await newPassword(io);
    if (!password.ok) {
      io.err(`users: ${password.error}; nothing changed`);
      return USERS_EXIT.usage;
    }
    const passwordHash = await hashPassword(password.value);
    if (args.command === 'add') {
      const { email, name, role } = args;
      await users.add({
        email,
        name,
        role,
        passwordHash,
        disabled: false,
        createdAt: clock().toISOString(),
      });
      io.err(`users: added ${email} (${role}) to ${where.label}`);
    } else {
      await users.update(args.email, { passwordHash, disabled: false });
      io.err(`users: new password for ${args.email}; the account is enabled`);
    }
    if (password.generated) {
      io.err('users: the password below is shown this once; pass it on privately');
      io.out(password.value);
    }
    return USERS_EXIT.done;
  } catch (e) {
    if (isAppError(e) || e instanceof ConfigError) {
      io.err(`users: ${e.message}`);
      return USERS_EXIT.refused;
    }
    throw e;
  }
}

type NewPassword = { ok: true; value: string; generated: boolean } | { ok: false; error: string };

/** The piped-in password (first line), checked; or a generated one when there is no pipe. */
async function newPassword(io: UsersCliIo): Promise<NewPassword> {
  const read = io.readPassword === undefined ? stdinPassword() : io.readPassword;
  if (read === null) return { ok: true, value: generatePassword(), generated: true };
  const given = PasswordSchema.safeParse((await read()).split(/\r?\n/)[0] ?? '');
  return given.success
    ? { ok: true, value: given.data, generated: false }
    : { ok: false, error: given.error.issues[0]?.message ?? 'invalid password' };
}

function stdinPassword(): (() => Promise<string>) | null {
  return process.stdin.isTTY ? null : () => text(process.stdin);
}

runAsMain(import.meta.url, 'users', runUsersCli);
