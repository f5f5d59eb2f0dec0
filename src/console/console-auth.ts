import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isOwnPost } from '../server/booking-access.js';
import { renderConsoleNotice } from './console-pages.js';
import {
  credentialOf,
  csrfMatches,
  type ConsoleSession,
  type SessionStore,
} from './sessions/session-store.js';
import type { UserStore } from './users/user-store.js';
import type { Role, User } from './users/user.js';

/** The console's cookie: the session id, for `/console` paths only. */
export const CONSOLE_COOKIE = 'leadbot_console';

/** Who is signed in on a console request, for the routes behind {@link requireConsoleUser}. */
export type ConsoleContext = { user: User; session: ConsoleSession; sessionId: string };

export type ConsoleAuth = {
  users: UserStore;
  sessions: SessionStore;
  publicUrl: string | undefined;
};

const contexts = new WeakMap<Request, ConsoleContext>();

/** The context `requireConsoleUser` found for `req`; throws when the route is not behind it. */
export function consoleUserOf(req: Request): ConsoleContext {
  const ctx = contexts.get(req);
  if (ctx === undefined)
    throw new Error('consoleUserOf: the route is not behind requireConsoleUser');
  return ctx;
}

/** The value of cookie `name` in a raw Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The value of cookie `name` in the request's Cookie header, or null. */
export function readCookie(req: Request, name: string): string | null {
  return cookieValue(req.get('cookie'), name);
}

/**
 * `next` when it is a path of this console (`/console...`), else `/console`: a login link can
 * never send the user to another site.
 *
 * @example safeNext('https://evil.example/') // '/console'
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.includes('\\')) return '/console';
  if (!URL.canParse(next, 'http://console.invalid')) return '/console';
  const url = new URL(next, 'http://console.invalid');
  const local = url.origin === 'http://console.invalid' && /^\/console(\/|$)/.test(url.pathname);
  return local ? `${url.pathname}${url.search}` : '/console';
}

/**
 * The signed-in user of a Cookie header (an HTTP request's, a console socket's handshake),
 * re-read from the store: a disabled or removed user, or one whose password was reset since the
 * session began, has none (and the session ends).
 *
 * @example const ctx = await consoleContextOfCookie(auth, socket.handshake.headers.cookie);
 */
export async function consoleContextOfCookie(
  auth: ConsoleAuth,
  cookieHeader: string | undefined,
  /** False for the server's own re-checks: they do not keep an idle session alive. */
  refresh = true,
): Promise<ConsoleContext | null> {
  const sessionId = cookieValue(cookieHeader, CONSOLE_COOKIE);
  if (sessionId === null) return null;
  const session = auth.sessions.touch(sessionId, refresh);
  if (session === null) return null;
  const user = await auth.users.get(session.email);
  if (user === null || user.disabled || credentialOf(user.passwordHash) !== session.credential) {
    auth.sessions.revoke(sessionId);
    return null;
  }
  return { user, session, sessionId };
}

/** {@link consoleContextOfCookie} of an express request. */
export function findConsoleUser(auth: ConsoleAuth, req: Request): Promise<ConsoleContext | null> {
  return consoleContextOfCookie(auth, req.get('cookie'));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Express middleware for console routes: a request without a live session is sent to
 * `/console/login?next=<this path>` (a GET) or refused 401 (anything else); a user whose role
 * is not in `roles` is refused 403; a state-changing request must come from the server's own
 * pages (the booking pages' Origin rule) and carry the session's CSRF token in the `_csrf`
 * form field or an `X-CSRF-Token` header, else 403. `consoleUserOf(req)` then gives the user.
 *
 * @example router.get('/console/team', requireConsoleUser(auth, ['admin']), handler);
 */
export function requireConsoleUser(auth: ConsoleAuth, roles: readonly Role[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void findConsoleUser(auth, req).then((ctx) => {
      const refuse = (status: number, title: string, message: string): void =>
        void res.status(status).type('html').send(renderConsoleNotice(title, message));
      if (ctx === null) {
        if (SAFE_METHODS.has(req.method))
          return res.redirect(
            303,
            `/console/login?next=${encodeURIComponent(safeNext(req.originalUrl))}`,
          );
        return refuse(401, 'Please sign in', 'Your session has ended. Sign in again.');
      }
      if (!roles.includes(ctx.user.role))
        return refuse(403, 'Not allowed', `This page is not open to the ${ctx.user.role} role.`);
      if (!SAFE_METHODS.has(req.method)) {
        const body: unknown = req.body;
        const fromForm =
          typeof body === 'object' && body !== null && '_csrf' in body ? body._csrf : undefined;
        const token = req.get('x-csrf-token') ?? fromForm;
        if (!isOwnPost(req, auth.publicUrl) || !csrfMatches(ctx.session, token))
          return refuse(
            403,
            'Not done',
            'This change can only be made from the console’s own pages.',
          );
      }
      contexts.set(req, ctx);
      next();
    }, next);
  };
}
