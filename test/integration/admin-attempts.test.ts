import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { LogMeta } from '../../src/lib/logger.js';
import { errorMiddleware } from '../../src/server/error-middleware.js';
import { createAdminAttempts } from '../../src/server/limits/admin-attempts.js';
import { requireAdmin } from '../../src/server/require-admin.js';

const TOKEN = 'k3P9-vQ2x-Lm7R-tY4w-Zc8N-bH5j';

/** An admin route behind the guard, 3 wrong tokens a minute per IP, behind one trusted proxy. */
function adminApp() {
  const logs: { message: string; meta: LogMeta | undefined }[] = [];
  const logger = {
    warn: (message: string, meta?: LogMeta) => logs.push({ message, meta }),
    error: (message: string, meta?: LogMeta) => logs.push({ message, meta }),
  };
  const attempts = createAdminAttempts({ rate: { max: 3, windowSeconds: 60 }, logger });
  const app = express();
  app.set('trust proxy', 1);
  app.get('/admin/secret', requireAdmin(TOKEN, attempts), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorMiddleware(logger));
  const get = (token: string, ip = '203.0.113.9') =>
    request(app)
      .get('/admin/secret')
      .set('X-Forwarded-For', ip)
      .set('Authorization', `Bearer ${token}`);
  return { get, logs };
}

describe('guessing the admin token', () => {
  it('when one IP sends 3 wrong tokens, then the next request is 429 with Retry-After, even with the right token', async () => {
    const { get } = adminApp();
    for (let i = 0; i < 3; i++) expect((await get(`guess-${i}`)).status).toBe(401);
    const limited = await get(TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(
          /^Too many wrong admin tokens from your address\. Try again in \d+ s\.$/,
        ),
      },
    });
  });

  it('when one IP is limited, then another IP with the right token gets in', async () => {
    const { get } = adminApp();
    for (let i = 0; i < 4; i++) await get(`guess-${i}`);
    expect((await get(TOKEN, '198.51.100.2')).status).toBe(200);
  });

  it('when 50 guesses come from one IP, then the log has one line for the failures and one for the limit, with the IP and never a token', async () => {
    const { get, logs } = adminApp();
    for (let i = 0; i < 50; i++) await get(`guess-number-${i}`);
    expect(logs).toEqual([
      { message: 'admin token refused', meta: { ip: '203.0.113.9' } },
      {
        message: 'admin token attempts limited',
        meta: { ip: '203.0.113.9', failures: 3, retryAfterSeconds: expect.any(Number) },
      },
    ]);
    expect(JSON.stringify(logs)).not.toContain('guess-number');
  });

  it('when the right token is sent, then nothing is counted against the IP', async () => {
    const { get } = adminApp();
    for (let i = 0; i < 10; i++) expect((await get(TOKEN)).status).toBe(200);
  });
});
