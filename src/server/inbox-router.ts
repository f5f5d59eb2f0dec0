import { Router, type Request, type RequestHandler } from 'express';
import type { Config } from '../config/config-schema.js';
import { consoleUserOf, findConsoleUser, type ConsoleAuth } from '../console/console-auth.js';
import { renderConsoleNotice } from '../console/console-pages.js';
import { inboxCsv } from '../console/inbox/inbox-csv.js';
import { renderInboxPage } from '../console/inbox/inbox-page.js';
import { InboxQuerySchema, searchOf, type InboxQuery } from '../console/inbox/inbox-query.js';
import { ROLES, type Role } from '../console/users/user.js';
import { AppError } from '../errors/app-error.js';
import type { Store } from '../store/store.js';
import { PAGE_HEADERS } from './booking-request.js';
import { requireAdmin } from './require-admin.js';

export type InboxRouterDeps = {
  store: Pick<Store, 'queryInbox'>;
  config: Config;
  /** The console's sessions and guard (createConsoleRouter's `auth` and `requireUser`). */
  consoleUi: { auth: ConsoleAuth; requireUser: (roles: readonly Role[]) => RequestHandler };
  adminToken: string | null;
  clock?: () => Date;
};

/** The inbox page runs its own script and talks to its own server, nothing else. */
export const INBOX_PAGE_HEADERS = {
  ...PAGE_HEADERS,
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};
const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };
/** Every row of the filtered list, for the CSV export. */
const ALL_ROWS = Number.MAX_SAFE_INTEGER;

function parseQuery(req: Request): InboxQuery {
  const parsed = InboxQuerySchema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'BAD_REQUEST',
    `invalid ${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? ''}`,
  );
}

/**
 * The inbox (DESIGN.md "Console"): `GET /console` (the page), `GET /console/api/inbox` (JSON
 * `{ rows, total, page, pageSize, counts, speedToLead }`), `GET /console/api/inbox.csv` (every
 * row of the filtered list) for any signed-in console user, and `GET /admin/leads` (the same JSON
 * behind ADMIN_TOKEN). The API answers 401 without a session; the page sends to the login.
 *
 * @example app.use(createInboxRouter({ store, config, consoleUi, adminToken }));
 */
export function createInboxRouter(deps: InboxRouterDeps): Router {
  const { store, config, consoleUi } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const timezone = config.booking.timezone;
  const anyone = consoleUi.requireUser(ROLES);
  const apiSession: RequestHandler = (req, _res, next) => {
    void findConsoleUser(consoleUi.auth, req).then(
      (ctx) =>
        next(
          ctx === null ? new AppError('UNAUTHORIZED', 'Please sign in to the console.') : undefined,
        ),
      next,
    );
  };
  const query = (q: InboxQuery, me: string | null, all = false) =>
    store.queryInbox({
      ...searchOf(q, { me, timezone, now: clock() }),
      ...(all ? { page: 1, pageSize: ALL_ROWS } : {}),
    });

  const router = Router();
  router.get('/console', anyone, async (req, res) => {
    const { user, session } = consoleUserOf(req);
    res.set(INBOX_PAGE_HEADERS);
    const parsed = InboxQuerySchema.safeParse(req.query);
    if (!parsed.success)
      return void res
        .status(400)
        .type('html')
        .send(
          renderConsoleNotice('Bad filter', parsed.error.issues[0]?.message ?? 'invalid filter'),
        );
    const result = await query(parsed.data, user.email);
    res.type('html').send(
      renderInboxPage({
        user,
        csrfToken: session.csrfToken,
        query: parsed.data,
        result,
        now: clock(),
        timezone,
      }),
    );
  });

  router.get('/console/api/inbox', apiSession, anyone, async (req, res) => {
    const q = parseQuery(req);
    res.set(API_HEADERS).json(await query(q, consoleUserOf(req).user.email));
  });

  router.get('/console/api/inbox.csv', apiSession, anyone, async (req, res) => {
    const q = parseQuery(req);
    const { rows } = await query(q, consoleUserOf(req).user.email, true);
    const day = clock().toISOString().slice(0, 10);
    res
      .set({ ...API_HEADERS, 'Content-Disposition': `attachment; filename="leads-${day}.csv"` })
      .type('text/csv; charset=utf-8')
      .send(inboxCsv(rows, `${config.server.publicUrl ?? ''}/console/leads/`));
  });

  router.get('/admin/leads', requireAdmin(deps.adminToken), async (req, res) => {
    res.set(API_HEADERS).json(await query(parseQuery(req), null));
  });
  return router;
}
