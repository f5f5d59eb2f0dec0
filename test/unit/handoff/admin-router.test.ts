import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/load-config.js';
import { createAdminRouter } from '../../../src/server/admin-router.js';
import { deliveryIdFor, type Delivery } from '../../../src/handoff/delivery/delivery-schema.js';
import { createMemoryDeliveryStore } from '../../../src/handoff/delivery/memory-delivery-store.js';
import { AppError } from '../../../src/errors/app-error.js';
import { createApp } from '../../../src/server/create-app.js';
import { createScriptedChatService } from '../../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../../helpers/start-test-server.js';
import { deliveryRecord } from './handoff-fixtures.js';

const TOKEN = 'admin-token-for-tests';
const DEAD_ID = deliveryIdFor('evt-1', 'crm');

const delivery = (eventId: string, status: Delivery['status']): Delivery =>
  deliveryRecord(eventId, { status, nextAttemptAt: null });

async function appWith(adminToken: string | null) {
  const deliveries = createMemoryDeliveryStore();
  await deliveries.create(delivery('evt-1', 'dead'));
  await deliveries.create(delivery('evt-2', 'delivered'));
  const redelivered: string[] = [];
  const worker = {
    async redeliver(id: string) {
      const d = await deliveries.get(id);
      if (d === null) throw new AppError('NOT_FOUND', `no delivery with id "${id}"`);
      redelivered.push(id);
      return { ...d, status: 'pending' as const };
    },
    async enableDestination(id: string) {
      if (id !== 'crm') throw new AppError('NOT_FOUND', `no destination with id "${id}"`);
      return 3;
    },
  };
  const router = createAdminRouter({ adminToken, deliveries, worker });
  const app = createApp({
    config: defaultConfig(),
    chatService: createScriptedChatService(),
    widget: testWidgetAssets(),
    routers: [router],
    logger: { warn: () => undefined, error: () => undefined },
  });
  return { app, redelivered };
}

const auth = { Authorization: `Bearer ${TOKEN}` };

describe('the admin deliveries API', () => {
  it('when ADMIN_TOKEN is not set, then the admin routes do not exist (404), even with a token', async () => {
    const { app } = await appWith(null);
    const res = await request(app).get('/admin/deliveries').set(auth);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }],
  ])('when a request has %s, then it is refused with 401 and a JSON error', async (_, headers) => {
    const { app, redelivered } = await appWith(TOKEN);
    const list = await request(app).get('/admin/deliveries').set(headers);
    const post = await request(app).post(`/admin/deliveries/${DEAD_ID}/redeliver`).set(headers);
    for (const res of [list, post]) {
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
    expect(redelivered).toEqual([]);
  });

  it('when the operator lists dead deliveries, then only those come back', async () => {
    const { app } = await appWith(TOKEN);
    const res = await request(app).get('/admin/deliveries?status=dead').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, deliveries: [{ id: DEAD_ID, status: 'dead' }] });
  });

  it('when the operator lists with an unknown status, then the answer is 400 naming the parameter', async () => {
    const { app } = await appWith(TOKEN);
    const res = await request(app).get('/admin/deliveries?status=lost').set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^invalid query: status: /);
  });

  it('when the operator redelivers a dead delivery, then it is queued (202) and returned', async () => {
    const { app, redelivered } = await appWith(TOKEN);
    const res = await request(app).post(`/admin/deliveries/${DEAD_ID}/redeliver`).set(auth);
    expect(res.status).toBe(202);
    expect(res.body.delivery).toMatchObject({ id: DEAD_ID, status: 'pending' });
    expect(redelivered).toEqual([DEAD_ID]);
  });

  it.each([
    ['a malformed id', 'not-an-id', 400, 'BAD_REQUEST'],
    ['an unknown id', deliveryIdFor('evt-404', 'crm'), 404, 'NOT_FOUND'],
  ])(
    'when the operator redelivers %s, then the JSON error says so',
    async (_, id, status, code) => {
      const { app } = await appWith(TOKEN);
      const res = await request(app).post(`/admin/deliveries/${id}/redeliver`).set(auth);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    },
  );

  it('when the operator enables a destination, then the held-back deliveries are counted', async () => {
    const { app } = await appWith(TOKEN);
    const res = await request(app).post('/admin/destinations/crm/enable').set(auth);
    expect(res.body).toEqual({ destinationId: 'crm', requeued: 3 });
  });
});
