import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Store } from '../store/store.js';
import { leadView } from '../console/lead/lead-view.js';
import { requireAdmin } from './require-admin.js';

const LeadParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a conversation id'),
});

/**
 * `GET /admin/leads/:id` (behind ADMIN_TOKEN): one conversation's lead as a rep or an operator
 * needs it: the record with the visitor's words behind each value, score, breakdown, grade and
 * stage, the meeting, attribution and the transcript.
 *
 * @example app.use(createLeadsRouter({ adminToken, store, config }));
 */
export function createLeadsRouter(deps: {
  adminToken: string | null;
  store: Store;
  config: Config;
}): Router {
  const router = Router();
  router.use('/admin/leads', requireAdmin(deps.adminToken));
  router.get('/admin/leads/:id', async (req, res) => {
    const params = LeadParams.safeParse(req.params);
    if (!params.success)
      throw new AppError('BAD_REQUEST', `invalid id: ${params.error.issues[0]?.message ?? ''}`);
    const conv = await deps.store.getConversation(params.data.id);
    if (!conv) throw new AppError('NOT_FOUND', `no conversation with id "${params.data.id}"`);
    res.json(leadView(conv, deps.config));
  });
  return router;
}
