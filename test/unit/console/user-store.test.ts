import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLowdbUserStore, usersFile } from '../../../src/console/users/lowdb-user-store.js';
import { createMemoryUserStore } from '../../../src/console/users/memory-user-store.js';
import type { UserStore } from '../../../src/console/users/user-store.js';
import type { User } from '../../../src/console/users/user.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

const ana: User = {
  email: 'ana@beacon.example',
  name: 'Ana',
  role: 'rep',
  passwordHash: 'scrypt$x',
  disabled: false,
  createdAt: '2026-12-01T09:00:00.000Z',
};

const adapters: [string, () => Promise<UserStore>][] = [
  ['memory', async () => createMemoryUserStore()],
  ['lowdb', async () => createLowdbUserStore({ dataDir: tempDirForTest('leadbot-users-').dir })],
];

describe.each(adapters)('UserStore (%s)', (_name, make) => {
  it('adds, finds by email in any case, and lists users', async () => {
    const users = await make();
    expect(await users.list()).toEqual([]);
    await users.add(ana);
    await users.add({ ...ana, email: 'Bo@Beacon.example', name: 'Bo', role: 'admin' });
    expect(await users.get('ANA@beacon.example')).toEqual(ana);
    expect((await users.list()).map((u) => u.email)).toEqual([
      'ana@beacon.example',
      'bo@beacon.example',
    ]);
  });

  it('refuses a second user with the same email and changes nothing', async () => {
    const users = await make();
    await users.add(ana);
    await expect(users.add({ ...ana, name: 'Other', email: 'ANA@beacon.example' })).rejects.toThrow(
      /exists already/,
    );
    expect(await users.list()).toEqual([ana]);
  });

  it('updates a user and refuses an unknown one', async () => {
    const users = await make();
    await users.add(ana);
    expect(await users.update(ana.email, { disabled: true })).toMatchObject({ disabled: true });
    expect((await users.get(ana.email))?.disabled).toBe(true);
    await expect(users.update('nobody@beacon.example', { disabled: true })).rejects.toThrow(
      /no user/,
    );
  });
});

describe('lowdb UserStore', () => {
  it('sees a change another process wrote to the file at once', async () => {
    const { dir } = tempDirForTest('leadbot-users-');
    const server = await createLowdbUserStore({ dataDir: dir });
    const cli = await createLowdbUserStore({ dataDir: dir });
    await cli.add(ana);
    await cli.update(ana.email, { disabled: true });
    expect((await server.get(ana.email))?.disabled).toBe(true);
  });

  it('names the file when it is not valid', async () => {
    const { dir } = tempDirForTest('leadbot-users-');
    const users = await createLowdbUserStore({ dataDir: dir });
    writeFileSync(usersFile(dir), '{"users": [{"email": 3}]}');
    await expect(users.list()).rejects.toThrow(/users\.json is not a valid console users file/);
  });
});
