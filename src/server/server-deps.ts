import type { Router } from 'express';
import type { Config } from '../config/config-schema.js';
import type { ChatService } from '../conversation/chat-service.js';
import type { WidgetAssets } from './widget-assets.js';

/** Where the server reports what it cannot answer a client about (service failures). */
export type Logger = {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
};

/** The default logger: one JSON line per event on stderr (stdout stays free for the CLI). */
export const stderrLogger: Logger = {
  warn: (message, meta) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...meta })}\n`),
  error: (message, meta) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', message, ...meta })}\n`),
};

/** Everything the HTTP app and the socket gateway need; `main.ts` builds the real ones. */
export type ServerDeps = {
  config: Config;
  chatService: ChatService;
  /** The widget bundles; defaults to building them in memory (dev) or reading `dist/widget/`. */
  widget?: WidgetAssets;
  /** The demo pages; defaults to the repository's `public/`. */
  publicDir?: string;
  /** Extra routes mounted before the JSON 404 (REST API, ICS files, admin). */
  routers?: Router[];
  logger?: Logger;
  /** The clock of the rate limiter; tests pass a fixed one. */
  now?: () => number;
};
