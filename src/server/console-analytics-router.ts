import { Router, type Request, type RequestHandler } from 'express';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Report, ReportOptions } from '../analytics/build-report.js';
import { ReportDaySchema } from '../analytics/report-period.js';
import type { Config } from '../config/config-schema.js';
import { ANALYTICS_TABLES, analyticsCsv } from '../console/analytics/analytics-csv.js';
import { renderAnalyticsPage } from '../console/analytics/analytics-page.js';
import { consoleUserOf, type ConsoleAuth } from '../console/console-auth.js';
import { renderConsoleNotice } from '../console/console-pages.js';
import type { Role } from '../console/users/user.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { INBOX_PAGE_HEADERS } from './inbox-router.js';
import { consoleApiSession } from './console-api-guard.js';

export type AnalyticsRouterDeps = {
  /** The analytics index (or anything that sums a report the same way). */
  analytics: { report(options: ReportOptions): Report };
  config: Config;
  /** The console's sessions and guard (createConsoleRouter's `auth` and `requireUser`). */
  consoleUi: { auth: ConsoleAuth; requireUser: (roles: readonly Role[]) => RequestHandler };
  clock?: () => Date;
};

/** Who reads the analytics (DESIGN.md "Console": marketers; admins read everything). */
export const ANALYTICS_ROLES: readonly Role[] = ['marketer', 'admin'];
/** The longest period one report covers, in days. */
export const MAX_REPORT_DAYS = 366;
/** The period when none is given: the last 30 days, today included. */
const DEFAULT_DAYS = 30;
const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

const RangeQuery = z.object({
  from: ReportDaySchema.optional(),
  to: ReportDaySchema.optional(),
});
const CsvQuery = RangeQuery.extend({ table: z.enum(ANALYTICS_TABLES) });

/** The request's period: both days given, or defaults in the company's time zone; checked. */
function periodOf(
  query: { from?: string | undefined; to?: string | undefined },
  timezone: string,
  now: Date,
) {
  const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate() ?? '';
  const to = query.to ?? today;
  const from =
    query.from ??
    DateTime.fromISO(to, { zone: timezone })
      .minus({ days: DEFAULT_DAYS - 1 })
      .toISODate() ??
    to;
  const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;
  if (days > MAX_REPORT_DAYS)
    throw new AppError(
      'BAD_REQUEST',
      `a report covers at most ${MAX_REPORT_DAYS} days; ${from} to ${to} is ${days}`,
    );
  return { from, to, timezone, now };
}

function parse<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'BAD_REQUEST',
    `invalid ${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`,
  );
}

/**
 * The analytics (DESIGN.md "Analytics definitions") for marketers and admins: `GET
 * /console/analytics?from=&to=` (the page), `GET /console/api/analytics?from=&to=` (the report
 * object of `npm run report --json`), `GET /console/api/analytics.csv?table=funnel|questions|sources&from=&to=`.
 * Days are `YYYY-MM-DD` in the company's time zone (`booking.timezone`), both included, the last
 * 30 days by default, at most 366. The API answers 401 without a session and 403 for reps; the
 * page sends to the login. 400 BAD_REQUEST for a bad day, order or length.
 *
 * @example app.use(createAnalyticsRouter({ analytics, config, consoleUi }));
 */
export function createAnalyticsRouter(deps: AnalyticsRouterDeps): Router {
  const { analytics, config, consoleUi } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const timezone = config.booking.timezone;
  const allowed = consoleUi.requireUser(ANALYTICS_ROLES);
  // An API answers in JSON: 401 rather than the login page's redirect, 403 rather than a page.
  const apiSession = consoleApiSession(consoleUi.auth, ANALYTICS_ROLES, 'Analytics');
  const report = (query: { from?: string | undefined; to?: string | undefined }): Report =>
    analytics.report(periodOf(query, timezone, clock()));

  const router = Router();
  router.get('/console/analytics', allowed, (req, res) => {
    const { user, session } = consoleUserOf(req);
    res.set(INBOX_PAGE_HEADERS);
    try {
      const result = report(parse(RangeQuery, req));
      res
        .type('html')
        .send(renderAnalyticsPage({ user, csrfToken: session.csrfToken, report: result }));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      res.status(400).type('html').send(renderConsoleNotice('Bad period', e.message));
    }
  });

  router.get('/console/api/analytics', apiSession, allowed, (req, res) => {
    res.set(API_HEADERS).json(report(parse(RangeQuery, req)));
  });

  router.get('/console/api/analytics.csv', apiSession, allowed, (req, res) => {
    const query = parse(CsvQuery, req);
    const result = report(query);
    const name = `analytics-${query.table}-${result.from}-to-${result.to}.csv`;
    res
      .set({ ...API_HEADERS, 'Content-Disposition': `attachment; filename="${name}"` })
      .type('text/csv; charset=utf-8')
      .send(analyticsCsv(result, query.table));
  });
  return router;
}
