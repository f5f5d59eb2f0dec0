import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { defaultConfig } from '../../src/config/load-config.js';
import { createDestinations } from '../../src/handoff/delivery/create-destinations.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import { createKeyedQueue } from '../../src/lib/keyed-queue.js';
import { createCancelNotifier } from '../../src/privacy/cancel-notice.js';
import { createApp } from '../../src/server/create-app.js';
import { createPrivacyRouter } from '../../src/server/privacy-router.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { startCrmReceiver } from '../fakes/crm-receiver.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { runtimeEnv } from '../helpers/runtime-env.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { DANA, LENA, OMAR, seedPeople } from './privacy-people.js';

const TOKEN = 'privacy-admin-token-for-tests';
const auth = { Authorization: `Bearer ${TOKEN}` };

async function appWith(adminToken: string | null = TOKEN) {
  const crm = closeAfterTest(await startCrmReceiver());
  const config = defaultConfig();
  const store = createMemoryStore();
  const calendar = createMemoryCalendar();
  const deliveries = createMemoryDeliveryStore();
  await seedPeople({ store, calendar, deliveries });
  const clock = (): Date => new Date();
  const notifyCanceled = createCancelNotifier({
    config,
    destinations: createDestinations(config, runtimeEnv({ crmWebhookUrl: crm.url })),
    disabledDestinations: () => deliveries.disabledDestinations(),
    clock,
    newId: () => 'evt-erasure-1',
  });
  const router = createPrivacyRouter({
    adminToken,
    store,
    calendar,
    deliveries,
    clock,
    queue: createKeyedQueue(),
    notifyCanceled,
  });
  const app = createApp({
    config,
    chatService: createScriptedChatService(),
    widget: testWidgetAssets(),
    routers: [router],
    logger: { warn: () => undefined, error: () => undefined },
  });
  return { app, crm, store, calendar, deliveries };
}

describe('the admin privacy API', () => {
  it('when ADMIN_TOKEN is not set, then the routes do not exist; without the token they answer 401', async () => {
    const off = await appWith(null);
    await request(off.app)
      .post('/admin/privacy/find')
      .set(auth)
      .send({ email: DANA.email })
      .expect(404);
    const { app } = await appWith();
    await request(app).post('/admin/privacy/erase').send({ email: DANA.email }).expect(401);
    await request(app).get(`/admin/privacy/export?email=${DANA.email}`).expect(401);
  });

  it.each([
    ['no email', {}],
    ['a wildcard', { email: '*@brightfield.example' }],
    ['two emails', { email: [DANA.email, OMAR.email] }],
  ])(
    'when the request has %s, then it is refused with 400 and nothing changes',
    async (_case, body) => {
      const { app, store } = await appWith();
      const res = await request(app).post('/admin/privacy/erase').set(auth).send(body).expect(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(await store.listConversationIds()).toHaveLength(4);
    },
  );

  it('when an operator finds a person by email in any case, then ids, dates and counts come back, never the texts', async () => {
    const { app } = await appWith();
    const res = await request(app)
      .get(`/admin/privacy/find?email=${encodeURIComponent(DANA.email.toUpperCase())}`)
      .set(auth)
      .expect(200);
    expect(res.body.conversations.map((c: { id: string }) => c.id)).toEqual(['dana-1', 'dana-2']);
    expect(res.body.meetings).toHaveLength(2);
    expect(res.body.deliveries).toHaveLength(3);
    expect(JSON.stringify(res.body)).not.toContain(DANA.name);
    const none = await request(app)
      .post('/admin/privacy/find')
      .set(auth)
      .send({ email: 'nobody@x.example' });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('nothing stored for nobody@x.example');
  });

  it('when an operator exports then erases a person, then the export holds everything and the erasure leaves the others whole', async () => {
    const { app, crm, store, calendar, deliveries } = await appWith();
    const exported = await request(app)
      .post('/admin/privacy/export')
      .set(auth)
      .send({ email: DANA.email })
      .expect(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment/);
    expect(exported.body.conversations[0].lead['contact.name'].value).toBe(DANA.name);
    expect(exported.body.deliveries[0].attempts).toHaveLength(1);

    const erased = await request(app)
      .post('/admin/privacy/erase')
      .set(auth)
      .send({ email: DANA.email })
      .expect(200);
    expect(erased.body).toMatchObject({
      email: DANA.email,
      conversations: 2,
      meetings: 2,
      deliveries: 3,
      canceled: [
        {
          meetingId: 'meet-dana-next',
          notices: [{ destinationId: 'default', outcome: 'delivered' }],
        },
      ],
    });
    expect(crm.requests.map((r) => JSON.parse(r.body).type)).toEqual(['meeting.canceled']);
    expect(await store.listConversationIds()).toEqual(['lena-1', 'omar-1']);
    expect((await calendar.list()).map((m) => m.id)).toEqual(['meet-omar']);
    expect((await deliveries.list()).map((d) => d.conversationId).sort()).toEqual([
      'lena-1',
      'omar-1',
    ]);
    await request(app)
      .post('/admin/privacy/find')
      .set(auth)
      .send({ email: DANA.email })
      .expect(404);
    await request(app)
      .post('/admin/privacy/find')
      .set(auth)
      .send({ email: LENA.email })
      .expect(200);
  });
});
