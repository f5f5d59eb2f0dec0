import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  secretKey,
  signWebhook,
  webhookHeaders,
} from '../../../src/handoff/webhook/sign-webhook.js';
import { NEW_SECRET, SECRET } from './handoff-fixtures.js';

/** standardwebhooks checks the timestamp against its own clock (5 minutes either way). */
const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const BODY = JSON.stringify({ type: 'lead.qualified', summary: 'Zoë "Z" Brandt\nline two' });

describe('Standard Webhooks signing', () => {
  it('when a body is signed, then the standardwebhooks library verifies it and returns the payload', () => {
    const timestamp = nowSeconds();
    const headers = webhookHeaders({ id: 'evt-1', timestamp, body: BODY, secrets: [SECRET] });
    expect(new Webhook(SECRET).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(headers).toMatchObject({
      'webhook-id': 'evt-1',
      'webhook-timestamp': String(timestamp),
      'content-type': 'application/json',
    });
  });

  it('when our signature is compared with the library signing the same content, then they are identical', () => {
    const timestamp = nowSeconds();
    expect(signWebhook({ id: 'evt-2', timestamp, body: BODY, secrets: [SECRET] })).toBe(
      new Webhook(SECRET).sign('evt-2', new Date(timestamp * 1000), BODY),
    );
  });

  it('when a destination has two secrets during a rotation, then the header has two signatures and either secret verifies', () => {
    const headers = webhookHeaders({
      id: 'evt-3',
      timestamp: nowSeconds(),
      body: BODY,
      secrets: [NEW_SECRET, SECRET],
    });
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(SECRET).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(NEW_SECRET).verify(BODY, headers)).not.toThrow();
  });

  it.each([
    ['the body was changed', { body: `${BODY} ` }],
    ['the webhook-id was changed', { 'webhook-id': 'evt-other' }],
    ['the timestamp was changed', { 'webhook-timestamp': String(nowSeconds() - 1) }],
  ])('when %s after signing, then verification fails', (_, change) => {
    const headers = webhookHeaders({
      id: 'evt-4',
      timestamp: nowSeconds(),
      body: BODY,
      secrets: [SECRET],
    });
    const { body = BODY, ...headerChange } = change as Record<string, string>;
    expect(() => new Webhook(SECRET).verify(body, { ...headers, ...headerChange })).toThrow();
  });

  it('when a destination has no secret, then the request carries the id and timestamp but no signature', () => {
    const headers = webhookHeaders({ id: 'evt-5', timestamp: 1, body: '{}', secrets: [] });
    expect(headers['webhook-signature']).toBeUndefined();
    expect(headers['webhook-id']).toBe('evt-5');
  });

  it.each([
    ['no prefix', 'c2VjcmV0'],
    ['not base64', 'whsec_not base64!'],
    ['empty', 'whsec_'],
  ])('when a secret is malformed (%s), then it is refused', (_, secret) => {
    expect(() => secretKey(secret)).toThrow(/webhook secret/);
  });
});
