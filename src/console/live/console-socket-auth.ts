import type { Socket } from 'socket.io';
import { isOwnOrigin } from '../../server/origin-policy.js';
import { consoleContextOfCookie, type ConsoleAuth } from '../console-auth.js';
import type { Role, User } from '../users/user.js';

/**
 * The signed-in console user of a socket's session cookie, re-read from the user store: null
 * when the session ended, the user is disabled or removed, or the password was reset.
 *
 * @example const user = await consoleUserOfCookie(auth, socket.handshake.headers.cookie);
 */
export async function consoleUserOfCookie(
  auth: ConsoleAuth,
  cookieHeader: string | undefined,
  refresh = true,
): Promise<User | null> {
  return (await consoleContextOfCookie(auth, cookieHeader, refresh))?.user ?? null;
}

/**
 * socket.io middleware for the `/console` namespace: only the console's own pages (Origin one
 * of `ownOrigins()`) with a live session of a user whose role is in `roles` may connect. The
 * user is kept in `socket.data.user`.
 *
 * @example nsp.use(consoleSocketAuth(auth, ownOrigins, ROLES));
 */
export function consoleSocketAuth(
  auth: ConsoleAuth,
  ownOrigins: () => string[],
  roles: readonly Role[],
): (socket: Socket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (origin === undefined || !isOwnOrigin(origin, ownOrigins()))
      return next(new Error('The console connects from its own pages only.'));
    void consoleUserOfCookie(auth, socket.handshake.headers.cookie).then(
      (user) => {
        if (user === null) return next(new Error('Please sign in to the console.'));
        if (!roles.includes(user.role)) return next(new Error('Not open to your role.'));
        socket.data = { user };
        next();
      },
      () => next(new Error('The console could not check your session.')),
    );
  };
}
