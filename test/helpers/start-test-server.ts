import type { Router } from 'express';
import type { Config } from '../../src/config/config-schema.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { ChatService } from '../../src/conversation/chat-service.js';
import type { Logger, ServerDeps } from '../../src/server/server-deps.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { createWidgetAssets, type WidgetAssets } from '../../src/server/widget-assets.js';

export type LogEntry = {
  level: 'warn' | 'error';
  message: string;
  meta: Record<string, unknown> | undefined;
};
export type TestServer = RunningServer & { logs: LogEntry[] };

/** One in-memory widget build per test file (esbuild takes a fraction of a second). */
let sharedWidget: WidgetAssets | null = null;
export function testWidgetAssets(): WidgetAssets {
  sharedWidget ??= createWidgetAssets({ mode: 'build' });
  return sharedWidget;
}

/**
 * Starts the real server (express app, socket.io, gateway) on a free port of 127.0.0.1 with
 * the given ChatService. `config` may be a Config or raw config (parsed with defaults);
 * `now` is the rate limiter's clock (fixed by default, so no test depends on elapsed time).
 * Logs are recorded instead of written.
 *
 * @example const server = await startTestServer({ chatService }); ... await server.close();
 */
export async function startTestServer(opts: {
  chatService: ChatService;
  config?: Config | Record<string, unknown>;
  now?: () => number;
  routers?: Router[];
  sockets?: ServerDeps['sockets'];
  visitorTyping?: ServerDeps['visitorTyping'];
}): Promise<TestServer> {
  const config = parseConfig(opts.config ?? {});
  const logs: LogEntry[] = [];
  const logger: Logger = {
    warn: (message, meta) => logs.push({ level: 'warn', message, meta }),
    error: (message, meta) => logs.push({ level: 'error', message, meta }),
  };
  const server = await startServer({
    config,
    chatService: opts.chatService,
    logger,
    now: opts.now ?? (() => 0),
    widget: testWidgetAssets(),
    ...(opts.routers ? { routers: opts.routers } : {}),
    ...(opts.sockets ? { sockets: opts.sockets } : {}),
    ...(opts.visitorTyping ? { visitorTyping: opts.visitorTyping } : {}),
    port: 0,
    host: '127.0.0.1',
  });
  return { ...server, logs };
}
