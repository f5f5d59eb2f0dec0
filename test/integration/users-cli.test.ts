import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runUsersCli, USERS_EXIT } from '../../src/cli/users.js';
import { usersFile } from '../../src/console/users/lowdb-user-store.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { spawnLeadbot } from '../helpers/spawn-leadbot.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';
import { REPO_ROOT } from '../helpers/test-deps.js';

/** `npm run users -- <args>` as an operator runs it, `stdin` piped in. */
function users(dataDir: string, args: string[], stdin = '') {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/users.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LEADBOT_CONFIG: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, out, err })),
  );
}

async function signIn(url: string, email: string, password: string) {
  const body = new URLSearchParams({ email, password });
  return fetch(`${url}/console/login`, { method: 'POST', body, redirect: 'manual' });
}

describe('npm run users', () => {
  it('adds the first admin with a piped password, who then signs in to the running server; disable signs them out at once', async () => {
    const leadbot = closeAfterTest(await spawnLeadbot());
    const added = await users(
      leadbot.dataDir,
      ['add', 'Max@Beacon.example', '--name', 'Max Admin', '--role', 'admin'],
      'a long passphrase 1\n',
    );
    expect(added).toMatchObject({ code: 0, out: '' });
    expect(added.err).toMatch(/added max@beacon.example \(admin\)/);
    expect(await readFile(usersFile(leadbot.dataDir), 'utf8')).not.toContain('a long passphrase');

    const login = await signIn(leadbot.url, 'max@beacon.example', 'a long passphrase 1');
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const home = await fetch(`${leadbot.url}/console`, { headers: { cookie }, redirect: 'manual' });
    expect(await home.text()).toContain('Max Admin');

    const listed = await users(leadbot.dataDir, ['list']);
    expect(listed.out).toMatch(/^max@beacon.example\tadmin\tactive\t\S+\tMax Admin\n$/);
    expect((await users(leadbot.dataDir, ['disable', 'max@beacon.example'])).code).toBe(0);
    const after = await fetch(`${leadbot.url}/console`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(after.status).toBe(303);
    expect((await users(leadbot.dataDir, ['list'])).out).toContain('\tdisabled\t');

    const reset = await users(
      leadbot.dataDir,
      ['reset-password', 'max@beacon.example'],
      'another passphrase\n',
    );
    expect(reset.code).toBe(0);
    expect((await signIn(leadbot.url, 'max@beacon.example', 'a long passphrase 1')).status).toBe(
      401,
    );
    expect((await signIn(leadbot.url, 'max@beacon.example', 'another passphrase')).status).toBe(
      303,
    );
  });

  it.each([
    [
      'an unknown command',
      ['promote', 'a@b.example'],
      '',
      USERS_EXIT.usage,
      /usage: npm run users/,
    ],
    [
      'a bad email',
      ['add', 'not-an-email', '--name', 'A', '--role', 'rep'],
      'a long passphrase 1\n',
      USERS_EXIT.usage,
      /email/,
    ],
    [
      'an unknown role',
      ['add', 'a@b.example', '--name', 'A', '--role', 'boss'],
      'a long passphrase 1\n',
      USERS_EXIT.usage,
      /role/,
    ],
    [
      'no name',
      ['add', 'a@b.example', '--role', 'rep'],
      'a long passphrase 1\n',
      USERS_EXIT.usage,
      /name/,
    ],
    [
      'a short password',
      ['add', 'a@b.example', '--name', 'A', '--role', 'rep'],
      'short\n',
      USERS_EXIT.usage,
      /at least 12 characters; nothing changed/,
    ],
    [
      'an unknown user',
      ['disable', 'nobody@b.example'],
      '',
      USERS_EXIT.noUser,
      /no console user nobody@b.example/,
    ],
  ])(
    'refuses %s with a clear message and changes nothing',
    async (_what, args, stdin, code, message) => {
      const { dir } = tempDirForTest('leadbot-users-cli-');
      const res = await users(dir, args, stdin);
      expect(res.code).toBe(code);
      expect(res.err).toMatch(message);
      expect((await users(dir, ['list'])).out).toBe('');
    },
  );

  it('prints a generated password on a terminal, and refuses a second user with the same email', async () => {
    const { dir } = tempDirForTest('leadbot-users-cli-');
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      env: { DATA_DIR: dir },
      readPassword: null,
    };
    expect(
      await runUsersCli(['add', 'ana@beacon.example', '--name', 'Ana', '--role', 'rep'], io),
    ).toBe(USERS_EXIT.done);
    expect(out[0]).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(
      await runUsersCli(['add', 'ANA@beacon.example', '--name', 'Other', '--role', 'admin'], io),
    ).toBe(USERS_EXIT.refused);
    expect(err.at(-1)).toMatch(/exists already/);
  });
});
