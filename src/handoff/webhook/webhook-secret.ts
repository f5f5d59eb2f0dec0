import { z } from 'zod';

export const SECRET_PREFIX = 'whsec_';
/** Standard Webhooks asks for 24 to 64 random bytes. */
export const SECRET_MIN_BYTES = 24;
const HOW_TO = 'generate one with: echo "whsec_$(openssl rand -base64 32)"';

/**
 * What is wrong with a Standard Webhooks secret, or null when it is usable: "whsec_" then
 * padded base64 (the `standardwebhooks` library rejects "whsec_abc": "incorrect padding") of at
 * least 24 bytes. The messages never repeat the secret.
 *
 * @example webhookSecretProblem('whsec_abc') // 'the base64 after "whsec_" is incorrectly padded: ...'
 */
export function webhookSecretProblem(secret: string): string | null {
  if (!secret.startsWith(SECRET_PREFIX))
    return `expected a Standard Webhooks secret starting with "whsec_"; ${HOW_TO}`;
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (encoded === '') return `"whsec_" must be followed by base64; ${HOW_TO}`;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    return `the part after "whsec_" must be base64 (A-Z, a-z, 0-9, "+", "/", then "=" padding); ${HOW_TO}`;
  if (encoded.length % 4 !== 0) {
    return `the base64 after "whsec_" is incorrectly padded (${encoded.length} characters; base64 comes in groups of 4, padded with "="); ${HOW_TO}`;
  }
  const bytes = Buffer.from(encoded, 'base64').length;
  if (bytes < SECRET_MIN_BYTES)
    return `the secret is ${bytes} bytes; use at least ${SECRET_MIN_BYTES} random bytes: ${HOW_TO}`;
  return null;
}

/** A destination's `secret` in the config, checked at start-up with a message naming the field. */
export const WebhookSecretSchema = z.string().superRefine((s, ctx) => {
  const problem = webhookSecretProblem(s);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
