import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { errorMiddleware } from './error-middleware.js';
import { expressTrustProxy } from './limits/client-ip.js';
import { stderrLogger } from '../lib/logger.js';
import type { ServerDeps } from './server-deps.js';
import { securityHeaders } from './security-headers.js';
import { createWidgetAssets } from './widget-assets.js';

export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** The loader URL is embedded on other sites and cannot carry a version: a short cache only. */
const LOADER_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The express app: demo pages (`/`, `/pricing`), the widget (`/widget.js`, `/widget/chat.js`),
 * `/healthz`, extra routers, JSON 404s and the error middleware. It never listens: tests use
 * supertest, `startServer` mounts it on an http server with socket.io.
 *
 * @example const res = await request(createApp(deps)).get('/healthz');
 */
export function createApp(deps: ServerDeps): Express {
  const logger = deps.logger ?? stderrLogger;
  const widget = deps.widget ?? createWidgetAssets();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', expressTrustProxy(deps.config.server.trustProxy));
  // CSP, frame protection, nosniff and the rest on every response (security-headers.ts).
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // The widget scripts are public code served to any site (a script tag ignores CORS); the
  // allowlist is enforced where it matters, when the widget opens its socket. The chat bundle
  // is fetched with import(), a CORS request, hence the header.
  app.get('/widget.js', async (_req, res) => {
    const { loader } = await widget.get();
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': LOADER_CACHE,
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.send(loader);
  });
  app.get('/widget/chat.js', async (req, res) => {
    const { chat, chatVersion } = await widget.get();
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // The loader asks for ?v=<content hash>: that URL never changes content, so cache it for good.
      'Cache-Control': req.query.v === chatVersion ? IMMUTABLE : 'no-cache',
    });
    res.send(chat);
  });

  app.use(
    express.static(deps.publicDir ?? DEFAULT_PUBLIC_DIR, { extensions: ['html'], maxAge: '5m' }),
  );
  app.use(express.json({ limit: '64kb' }));
  for (const router of deps.routers ?? []) app.use(router);

  app.use((req, res) => {
    res
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` } });
  });
  app.use(errorMiddleware(logger));
  return app;
}
