import { Router } from 'express';
import { z } from 'zod';
import { formatIssues } from '../config/load-config.js';
import { AppError } from '../errors/app-error.js';
import { DELIVERY_ID_PATTERN, DELIVERY_STATUSES } from '../handoff/delivery/delivery-schema.js';
import type { DeliveryStore } from '../handoff/delivery/delivery-store.js';
import type { DeliveryWorker } from '../handoff/delivery/delivery-worker.js';
import { requireAdmin } from './require-admin.js';

export type AdminRouterDeps = {
  /** ADMIN_TOKEN; null turns the admin routes off (they answer 404, as if absent). */
  adminToken: string | null;
  deliveries: DeliveryStore;
  worker: Pick<DeliveryWorker, 'redeliver' | 'enableDestination'>;
};

const ListQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  destination: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const DeliveryParams = z.object({
  id: z.string().regex(DELIVERY_ID_PATTERN, 'expected a delivery id "dlv_<32 hex digits>"'),
});
const DestinationParams = z.object({ id: z.string().min(1).max(64) });

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('BAD_REQUEST', `invalid ${where}: ${formatIssues(r.error)}`);
  return r.data;
}

/**
 * The admin REST API behind `Authorization: Bearer <ADMIN_TOKEN>`:
 * - `GET /admin/deliveries?status=dead&destination=hubspot&limit=100`: deliveries, newest first;
 * - `POST /admin/deliveries/:id/redeliver`: queues one for an attempt now (202);
 * - `POST /admin/destinations/:id/enable`: re-enables a destination disabled by a 410.
 * Errors are AppErrors, answered as JSON by the app's error middleware (401 without the token,
 * 404 for everything when ADMIN_TOKEN is not set, 400 naming a bad parameter).
 *
 * @example app.use(createAdminRouter({ adminToken: runtime.adminToken, deliveries, worker }));
 */
export function createAdminRouter(deps: AdminRouterDeps): Router {
  const router = Router();
  router.use('/admin', requireAdmin(deps.adminToken));

  router.get('/admin/deliveries', async (req, res) => {
    const q = parse(ListQuery, req.query, 'query');
    const all = await deps.deliveries.list({ status: q.status, destinationId: q.destination });
    res.json({ total: all.length, deliveries: all.slice(0, q.limit) });
  });

  router.post('/admin/deliveries/:id/redeliver', async (req, res) => {
    const { id } = parse(DeliveryParams, req.params, 'delivery id');
    res.status(202).json({ delivery: await deps.worker.redeliver(id) });
  });

  router.post('/admin/destinations/:id/enable', async (req, res) => {
    const { id } = parse(DestinationParams, req.params, 'destination id');
    res.json({ destinationId: id, requeued: await deps.worker.enableDestination(id) });
  });

  return router;
}
