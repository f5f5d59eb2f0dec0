import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { attachGateway, type GatewayServer } from './attach-gateway.js';
import { createApp } from './create-app.js';
import { maxFrameBytes } from './limits/frame-bytes.js';
import { isOriginAllowed, ownOrigins } from './origin-policy.js';
import { stderrLogger } from '../lib/logger.js';
import type { ServerDeps } from './server-deps.js';
import { createWidgetAssets } from './widget-assets.js';

export type RunningServer = {
  url: string;
  port: number;
  io: GatewayServer;
  close(): Promise<void>;
};

/**
 * Serves everything on one port: the express app and socket.io with the gateway. Listens on
 * `port` when given (tests pass 0 for a free one), else on `config.server.port`.
 *
 * @example
 *   const server = await startServer({ config, chatService, port: 0 });
 *   // ... server.url is "http://localhost:<port>"
 *   await server.close();
 */
export async function startServer(
  deps: ServerDeps & { port?: number; host?: string },
): Promise<RunningServer> {
  const widget = deps.widget ?? createWidgetAssets();
  // Build (or read) the widget now: the first visitor does not wait, and a broken build shows
  // in the log at startup rather than on the first page view.
  widget
    .get()
    .catch((e: unknown) =>
      (deps.logger ?? stderrLogger).error('widget bundles unavailable', { error: String(e) }),
    );
  const app = createApp({ ...deps, widget });
  const http = createServer(app);
  const allowed = deps.config.server.allowedOrigins;
  // The server's own origins, from PUBLIC_URL (or the port it listens on): never the Host header.
  const own = (): string[] => {
    const address = http.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return ownOrigins(deps.config.server.publicUrl, port);
  };
  const io: GatewayServer = new Server(http, {
    // What the largest valid payload needs (about 66 KB by default): a larger frame, such as a
    // hello with thousands of UTM keys, is dropped with its connection before it is parsed.
    maxHttpBufferSize: maxFrameBytes(deps.config),
    // A connection refused at connect (too many from one IP) is closed after this, not 45 s.
    connectTimeout: 10_000,
    allowRequest: (req, callback) => {
      const ok = isOriginAllowed(req.headers.origin, allowed, own());
      callback(ok ? null : 'origin not allowed', ok);
    },
    // CORS headers for the long-polling transport of cross-site embeds; same-origin needs none.
    cors: {
      origin: (origin, callback) =>
        callback(null, origin !== undefined && isOriginAllowed(origin, allowed, [])),
    },
  });
  attachGateway(io, { ...deps, ownOrigins: own });
  for (const attach of deps.sockets ?? []) attach(io, own);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // No host: every interface (a container, a LAN demo); tests pass 127.0.0.1.
    http.listen(deps.port ?? deps.config.server.port, deps.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  // listen() on a TCP host and port always yields an AddressInfo (a string only for pipes).
  const { port } = http.address() as AddressInfo;
  const host =
    deps.host === undefined ? 'localhost' : deps.host.includes(':') ? `[${deps.host}]` : deps.host;
  return {
    url: `http://${host}:${port}`,
    port,
    io,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // io.close() disconnects every socket and closes the http server; keep-alive HTTP
        // connections (browsers, supertest) would hold that close open, so drop them too.
        io.close((err) => (err ? reject(err) : resolve()));
        http.closeAllConnections();
      }),
  };
}
