import { Router, type Request } from 'express';
import { z } from 'zod';
import { formatIssues } from '../config/load-config.js';
import { AppError } from '../errors/app-error.js';
import { erasePerson } from '../privacy/erase-person.js';
import { findPerson, isEmpty, summarize, type PersonData } from '../privacy/find-person.js';
import { PrivacyEmailSchema } from '../privacy/match-email.js';
import { personExport } from '../privacy/person-export.js';
import type { PrivacyDeps } from '../privacy/privacy-deps.js';
import { requireAdmin } from './require-admin.js';

export type PrivacyRouterDeps = PrivacyDeps & {
  /** ADMIN_TOKEN; null turns the routes off (they answer 404, as if absent). */
  adminToken: string | null;
};

const EmailRequest = z.object({ email: PrivacyEmailSchema });

/** The email from the JSON body (POST) or the query (GET). */
function emailOf(req: Request): string {
  const source: unknown = req.method === 'POST' ? req.body : req.query;
  const r = EmailRequest.safeParse(source ?? {});
  if (!r.success) throw new AppError('BAD_REQUEST', `invalid request: ${formatIssues(r.error)}`);
  return r.data.email;
}

/**
 * The data-rights API behind `Authorization: Bearer <ADMIN_TOKEN>`, what `npm run privacy` does
 * while the server runs:
 * - `GET|POST /admin/privacy/find` (`?email=` or `{ "email" }`): ids, dates and counts;
 * - `GET|POST /admin/privacy/export`: every conversation, meeting and delivery, as one JSON file;
 * - `POST /admin/privacy/erase` `{ "email" }`: cancels a meeting still to come (its webhook sent
 *   first), then erases everything; answers what it erased.
 * POST keeps the email out of access logs. 400 for a bad email, 404 when nothing is stored.
 *
 * @example app.use(createPrivacyRouter({ adminToken, store, calendar, deliveries, clock, queue, notifyCanceled }));
 */
export function createPrivacyRouter(deps: PrivacyRouterDeps): Router {
  const router = Router();
  router.use('/admin/privacy', requireAdmin(deps.adminToken));

  async function found(email: string): Promise<PersonData> {
    const data = await findPerson(deps, email);
    if (isEmpty(data)) throw new AppError('NOT_FOUND', `nothing stored for ${email}`);
    return data;
  }

  for (const method of ['get', 'post'] as const) {
    router[method]('/admin/privacy/find', async (req, res) => {
      res.json(summarize(await found(emailOf(req))));
    });
    router[method]('/admin/privacy/export', async (req, res) => {
      const email = emailOf(req);
      const data = await found(email);
      res.set('Content-Disposition', 'attachment; filename="leadbot-export.json"');
      res.set('Cache-Control', 'no-store');
      res.json(personExport(data, deps.clock()));
    });
  }

  router.post('/admin/privacy/erase', async (req, res) => {
    const email = emailOf(req);
    res.json(await erasePerson(deps, email, await found(email)));
  });

  return router;
}
