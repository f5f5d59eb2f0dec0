import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { jsonDataFile } from '../../lib/json-file.js';
import type { UserStore } from './user-store.js';
import { UserSchema } from './user.js';
import { userListStore } from './user-list.js';

const UsersFileSchema = z.object({ users: z.array(UserSchema) });

/** Where the console users are kept in a data folder. */
export const usersFile = (dataDir: string): string => path.join(dataDir, 'console', 'users.json');

/**
 * Console users in `<dataDir>/console/users.json`, read afresh on every call (so the
 * `npm run users` CLI may change it while the server runs) and written whole through lowdb's
 * temp-file-and-rename, readable by its owner only. A file that is not valid rejects with
 * AppError('INTERNAL') naming it.
 *
 * @example const users = await createLowdbUserStore({ dataDir: './data' });
 */
export async function createLowdbUserStore(opts: { dataDir: string }): Promise<UserStore> {
  const filename = usersFile(opts.dataDir);
  await mkdir(path.dirname(filename), { recursive: true, mode: 0o700 });
  const file = jsonDataFile(filename, UsersFileSchema, { what: 'console users file' });
  return userListStore(
    async () => (await file.read())?.users ?? [],
    async (users) => file.write({ users }),
  );
}
