import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load-config.js';
import { createApp } from '../../src/server/create-app.js';
import { createWidgetAssets } from '../../src/server/widget-assets.js';
import { bundleVersion } from '../../widget/bundle-version.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';

const silent = { warn: () => undefined, error: () => undefined };

describe('where the widget bundles come from', () => {
  it('when deployed with prebuilt files (no esbuild), then /widget.js and /widget/chat.js serve them', async () => {
    const { dir } = tempDirForTest('leadbot-dist-');
    await writeFile(path.join(dir, 'widget.js'), '/* prebuilt loader */');
    await writeFile(path.join(dir, 'chat.js'), '/* prebuilt chat */');
    const widget = createWidgetAssets({ mode: 'dist', distDir: dir });
    const app = createApp({
      config: defaultConfig(),
      chatService: createScriptedChatService(),
      widget,
      logger: silent,
    });
    expect((await request(app).get('/widget.js')).text).toBe('/* prebuilt loader */');
    const chat = await request(app).get(
      `/widget/chat.js?v=${bundleVersion('/* prebuilt chat */')}`,
    );
    expect(chat.text).toBe('/* prebuilt chat */');
    expect(chat.headers['cache-control']).toContain('immutable');
  });

  it('when the prebuilt files are missing, then the widget routes answer a JSON 500 and the server keeps serving', async () => {
    const widget = createWidgetAssets({
      mode: 'dist',
      distDir: path.join(tmpdir(), 'leadbot-no-such-dist'),
    });
    const logged: string[] = [];
    const app = createApp({
      config: defaultConfig(),
      chatService: createScriptedChatService(),
      widget,
      logger: { ...silent, error: (m) => logged.push(m) },
    });
    const res = await request(app).get('/widget.js');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    expect(logged).toEqual(['http request failed']);
    expect((await request(app).get('/healthz')).status).toBe(200);
  });
});
