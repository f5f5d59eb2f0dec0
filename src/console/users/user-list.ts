import { AppError } from '../../errors/app-error.js';
import type { UserStore } from './user-store.js';
import type { User } from './user.js';

/**
 * The rules of a {@link UserStore} over a plain list, shared by the memory and lowdb adapters:
 * `read` gives the current list, `write` replaces it.
 *
 * @example const store = userListStore(async () => users, async (next) => void (users = next));
 */
export function userListStore(
  read: () => Promise<User[]>,
  write: (users: User[]) => Promise<void>,
): UserStore {
  const key = (email: string): string => email.trim().toLowerCase();
  return {
    async get(email) {
      return (await read()).find((u) => u.email === key(email)) ?? null;
    },
    async list() {
      return read();
    },
    async add(user) {
      const users = await read();
      if (users.some((u) => u.email === key(user.email)))
        throw new AppError('CONFLICT', `a user with email ${user.email} exists already`);
      await write([...users, { ...user, email: key(user.email) }]);
    },
    async update(email, change) {
      const users = await read();
      const current = users.find((u) => u.email === key(email));
      if (current === undefined) throw new AppError('NOT_FOUND', `no user with email ${email}`);
      const next = { ...current, ...change };
      await write(users.map((u) => (u === current ? next : u)));
      return next;
    },
  };
}
