import { createHmac } from 'node:crypto';
import { SECRET_PREFIX, webhookSecretProblem } from './webhook-secret.js';

/**
 * The HMAC key of a Standard Webhooks secret: the base64 after `whsec_`. Throws when the
 * secret is malformed (see {@link webhookSecretProblem}).
 */
export function secretKey(secret: string): Buffer {
  const problem = webhookSecretProblem(secret);
  if (problem !== null) throw new Error(`invalid webhook secret: ${problem}`);
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

/** What one delivery attempt signs. */
export type SignInput = {
  /** The `webhook-id`: the event id, the same for every retry. */
  id: string;
  /** The `webhook-timestamp`: whole seconds since the epoch, at this attempt. */
  timestamp: number;
  body: string;
  /** Every secret of the destination: several during a rotation, each adds a signature. */
  secrets: readonly string[];
};

/**
 * The `webhook-signature` header of the Standard Webhooks spec: `v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">` per secret, separated by spaces. Written with node:crypto rather than
 * the `standardwebhooks` package so the server has no extra runtime dependency; the tests
 * verify it with that package, which proves the two agree.
 *
 * @example signWebhook({ id: 'evt-1', timestamp: 1767225600, body: '{}', secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] }) // 'v1,...'
 */
export function signWebhook(input: SignInput): string {
  const content = `${input.id}.${input.timestamp}.${input.body}`;
  return input.secrets
    .map((s) => `v1,${createHmac('sha256', secretKey(s)).update(content, 'utf8').digest('base64')}`)
    .join(' ');
}

/**
 * The request headers of one attempt: content type, `webhook-id`, `webhook-timestamp` and,
 * when the destination has secrets, `webhook-signature`.
 */
export function webhookHeaders(input: SignInput): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'leadbot-webhooks/1',
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestamp),
  };
  if (input.secrets.length > 0) headers['webhook-signature'] = signWebhook(input);
  return headers;
}
