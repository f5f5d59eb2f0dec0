import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { createLeadsRouter } from '../../src/server/leads-router.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';

async function appWithLead(adminToken: string | null) {
  const deps = createTestDeps();
  const hello = await deps.chatService.hello({
    visitor: {
      timezone: 'Europe/London',
      locale: 'en-GB',
      page: 'https://beacon.example/pricing',
      referrer: 'https://search.example/',
      utm: { source: 'newsletter' },
    },
  });
  const r = await deps.chatService.receive(
    hello.conversationId,
    {
      clientId: 'c1',
      text: "I'm the COO of Harbour Freight, 120 people, we have about £30k a year for this.",
    },
    () => undefined,
  );
  await r.reply;
  const app = createApp({
    config: deps.config,
    chatService: deps.chatService,
    widget: testWidgetAssets(),
    routers: [createLeadsRouter({ adminToken, store: deps.store, config: deps.config })],
  });
  return { app, id: hello.conversationId };
}

describe('GET /admin/leads/:id', () => {
  it('when an operator asks with the admin token, then the lead comes with evidence, score, breakdown and transcript', async () => {
    const { app, id } = await appWithLead('s3cret');
    const res = await request(app).get(`/admin/leads/${id}`).set('Authorization', 'Bearer s3cret');
    expect(res.status).toBe(200);
    expect(res.body.lead.authority).toEqual({ role: 'COO', level: 'decision_maker' });
    expect(res.body.lead.budget).toMatchObject({
      amount: 30000,
      currency: 'GBP',
      period: 'yearly',
    });
    expect(res.body.evidence['budget.amount'].quote).toMatch(/£30k a year/);
    expect(res.body.breakdown.reduce((a: number, b: { points: number }) => a + b.points, 0)).toBe(
      res.body.score,
    );
    expect(res.body.attribution).toEqual({
      page: 'https://beacon.example/pricing',
      referrer: 'https://search.example/',
      utm: { source: 'newsletter' },
    });
    expect(res.body.transcript.map((m: { role: string }) => m.role)).toEqual([
      'agent',
      'visitor',
      'agent',
    ]);
  });

  it('when the token is missing or wrong, then it answers 401 and shows nothing', async () => {
    const { app, id } = await appWithLead('s3cret');
    for (const auth of [undefined, 'Bearer nope']) {
      const req = request(app).get(`/admin/leads/${id}`);
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.body.lead).toBeUndefined();
    }
  });

  it('when no ADMIN_TOKEN is configured, then the route does not exist', async () => {
    const { app, id } = await appWithLead(null);
    expect((await request(app).get(`/admin/leads/${id}`)).status).toBe(404);
  });

  it('when the id is unknown or malformed, then it answers 404 or 400 with a JSON error', async () => {
    const { app } = await appWithLead('s3cret');
    const unknown = await request(app)
      .get('/admin/leads/nope')
      .set('Authorization', 'Bearer s3cret');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const bad = await request(app)
      .get('/admin/leads/..%2F..%2Fetc')
      .set('Authorization', 'Bearer s3cret');
    expect([400, 404]).toContain(bad.status);
    expect(bad.body.error).toBeDefined();
  });
});
