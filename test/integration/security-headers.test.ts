import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';

const app = createApp({
  config: parseConfig({}),
  chatService: createScriptedChatService(),
  widget: testWidgetAssets(),
  logger: { warn: () => undefined, error: () => undefined },
});

describe('security headers of the server’s own pages', () => {
  it.each(['/', '/pricing'])(
    'when a browser loads the demo page %s, then it gets a CSP limiting scripts to the server and forbidding frames',
    async (path) => {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      const csp = res.headers['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it.each(['/widget.js', '/widget/chat.js'])(
    'when another site loads %s, then the response lets it (cross-origin resource policy)',
    async (path) => {
      const res = await request(app).get(path).set('Origin', 'https://www.halden.example');
      expect(res.status).toBe(200);
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    },
  );
});
