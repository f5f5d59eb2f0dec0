import { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load-config.js';
import { AppError } from '../../src/errors/app-error.js';
import { createApp } from '../../src/server/create-app.js';
import type { Logger } from '../../src/server/server-deps.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';

function appWith(routers: Router[] = []) {
  const logged: string[] = [];
  const logger: Logger = {
    warn: (m) => logged.push(m),
    error: (m, meta) => logged.push(`${m} ${JSON.stringify(meta)}`),
  };
  const app = createApp({
    config: defaultConfig(),
    chatService: createScriptedChatService(),
    widget: testWidgetAssets(),
    routers,
    logger,
  });
  return { app, logged };
}

describe('the demo pages', () => {
  it.each([
    ['/', 'Every inbound lead'],
    ['/pricing', 'Simple plans'],
  ])(
    'when a visitor opens %s, then the page embeds the widget with the one-line script tag',
    async (path, heading) => {
      const res = await request(appWith().app).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain(heading);
      expect(res.text).toMatch(
        /<script async src="\/widget\.js" data-color="#[0-9a-f]{6}" data-position="right" data-title="[^"]+"><\/script>/,
      );
    },
  );
});

describe('the widget scripts', () => {
  it('when a site loads /widget.js, then it gets JavaScript it may cache for a few minutes, pointing at the current chat bundle', async () => {
    const { app } = appWith();
    const { chatVersion } = await testWidgetAssets().get();
    const res = await request(app).get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toContain('max-age=300');
    expect(res.text).toContain(`/widget/chat.js?v=${chatVersion}`);
  });

  it('when the loader is fetched again with its ETag, then the answer is 304 Not Modified', async () => {
    const { app } = appWith();
    const first = await request(app).get('/widget.js');
    const again = await request(app)
      .get('/widget.js')
      .set('If-None-Match', String(first.headers.etag));
    expect(again.status).toBe(304);
  });

  it('when the chat bundle is fetched with its version, then it is cached for good and any site may import it', async () => {
    const { app } = appWith();
    const { chatVersion } = await testWidgetAssets().get();
    const res = await request(app)
      .get(`/widget/chat.js?v=${chatVersion}`)
      .set('Origin', 'https://www.halden.example');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('when the chat bundle is fetched with an old version, then it must be revalidated', async () => {
    const res = await request(appWith().app).get('/widget/chat.js?v=0123456789ab');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('health and errors', () => {
  it('when a probe asks /healthz, then it answers ok', async () => {
    const res = await request(appWith().app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('when nothing matches the path, then the answer is a JSON 404 naming the route', async () => {
    const res = await request(appWith().app).get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /no/such/page' },
    });
  });

  it.each([
    ['CONFLICT', 409],
    ['SESSION_NOT_FOUND', 404],
    ['UNAUTHORIZED', 401],
    ['RATE_LIMITED', 429],
    ['PAYLOAD_TOO_LARGE', 413],
  ] as const)(
    'when a route throws AppError %s, then the status is %i with its code and message',
    async (code, status) => {
      const router = Router().get('/boom', () => {
        throw new AppError(code, 'refused for a reason the client may read');
      });
      const res = await request(appWith([router]).app).get('/boom');
      expect(res.status).toBe(status);
      expect(res.body).toEqual({
        error: { code, message: 'refused for a reason the client may read' },
      });
    },
  );

  it('when a route fails unexpectedly, then the client gets a bare 500 and the details go to the log only', async () => {
    const router = Router().get('/crash', async () => {
      throw new Error('connection to db-7.internal refused');
    });
    const { app, logged } = appWith([router]);
    const res = await request(app).get('/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    expect(res.text).not.toContain('db-7.internal');
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(logged.join('\n')).toContain('db-7.internal');
  });

  it('when a JSON body is malformed, then the answer is a 400 in the same JSON shape', async () => {
    const router = Router().post('/echo', (req, res) => {
      res.json(req.body);
    });
    const res = await request(appWith([router]).app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.text).not.toMatch(/\bat .*node_modules/);
  });
});
