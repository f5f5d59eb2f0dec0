import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookHeaders } from '../../../src/handoff/webhook/sign-webhook.js';
import { startCrmReceiver, type CrmReceiver } from '../../fakes/crm-receiver.js';
import { NEW_SECRET, SECRET } from './handoff-fixtures.js';

let crm: CrmReceiver;
beforeEach(async () => {
  crm = await startCrmReceiver({ secrets: [SECRET] });
});
afterEach(async () => {
  await crm.close();
});

const body = JSON.stringify({ type: 'lead.qualified' });
const post = (headers: Record<string, string>) => fetch(crm.url, { method: 'POST', headers, body });
const signed = (id: string, secret = SECRET) =>
  webhookHeaders({ id, timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] });

describe('the fake CRM receiver', () => {
  it('when a request is signed with its secret, then it answers 204 and processes the body', async () => {
    const res = await post(signed('evt-1'));
    expect(res.status).toBe(204);
    expect(crm.processed.get('evt-1')).toEqual({ type: 'lead.qualified' });
    expect(crm.requests[0]).toMatchObject({
      method: 'POST',
      path: '/hooks/leads',
      webhookId: 'evt-1',
      verifiedWith: [0],
      answered: 204,
    });
  });

  it.each([
    ['unsigned', { 'content-type': 'application/json' }],
    ['signed with another secret', signed('evt-2', NEW_SECRET)],
  ])('when a request is %s, then it answers 401 and processes nothing', async (_, headers) => {
    const res = await post(headers);
    expect(res.status).toBe(401);
    expect(crm.processed.size).toBe(0);
    expect(crm.requests[0]?.verifyErrors).toHaveLength(1);
  });

  it('when the same webhook-id arrives twice, then it is processed once (an idempotent receiver) and counted twice', async () => {
    await post(signed('evt-3'));
    await post(signed('evt-3'));
    expect(crm.processed.size).toBe(1);
    expect(crm.countOf('evt-3')).toBe(2);
  });

  it('when answers are scripted, then they are used in order, then the default answer comes back', async () => {
    crm.respond({ status: 503, headers: { 'Retry-After': '5' }, body: 'busy' }, { status: 410 });
    const first = await post(signed('evt-4'));
    expect([first.status, first.headers.get('retry-after'), await first.text()]).toEqual([
      503,
      '5',
      'busy',
    ]);
    expect((await post(signed('evt-4'))).status).toBe(410);
    expect((await post(signed('evt-4'))).status).toBe(204);
    expect(crm.processed.size).toBe(1);
  });

  it('when a dropped connection is scripted, then the sender gets a network error', async () => {
    crm.respond({ drop: true });
    await expect(post(signed('evt-5'))).rejects.toThrow('fetch failed');
  });
});
