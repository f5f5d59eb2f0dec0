import type { Role, User } from './user.js';

/**
 * Where console users live. Every call reads the current state (the lowdb adapter reads its
 * file each time), so a user disabled by the CLI is refused on the server's next request.
 * Emails are compared lower-cased.
 */
export type UserStore = {
  /** The user with `email`, or null. */
  get(email: string): Promise<User | null>;
  /** Every user, oldest first. */
  list(): Promise<User[]>;
  /** Adds `user`; AppError('CONFLICT') when the email is taken. */
  add(user: User): Promise<void>;
  /** Changes one user; AppError('NOT_FOUND') when there is none with `email`. */
  update(
    email: string,
    change: Partial<Pick<User, 'name' | 'role' | 'passwordHash' | 'disabled'>>,
  ): Promise<User>;
};

export type { Role, User };
