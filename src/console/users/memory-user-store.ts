import type { UserStore } from './user-store.js';
import type { User } from './user.js';
import { userListStore } from './user-list.js';

/**
 * Console users in this process's memory, for tests and demos.
 *
 * @example const users = createMemoryUserStore();
 */
export function createMemoryUserStore(initial: readonly User[] = []): UserStore {
  let users = [...initial];
  return userListStore(
    async () => users.map((u) => ({ ...u })),
    async (next) => {
      users = next.map((u) => ({ ...u }));
    },
  );
}
