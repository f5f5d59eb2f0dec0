import type { Router } from 'express';
import type { Server } from 'socket.io';
import type { Config } from '../config/config-schema.js';
import type { ChatService } from '../conversation/chat-service.js';
import type { Logger } from '../lib/logger.js';
import type { TypingRelay } from './typing-relay.js';
import type { WidgetAssets } from './widget-assets.js';

/** The project's one logger type, under the name the server's callers know. */
export type { Logger } from '../lib/logger.js';

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
  /** Where the server reports what it cannot answer a client about (service failures). */
  logger?: Logger;
  /**
   * More socket.io namespaces (the console's `/console`), attached after the widget's gateway;
   * `ownOrigins` gives the server's own origins (origin-policy.ts).
   */
  sockets?: ((io: Server, ownOrigins: () => string[]) => void)[];
  /** Where the visitor's typing goes (live takeover: the reps watching); dropped when absent. */
  visitorTyping?: TypingRelay;
  /** The clock of the rate limiter; tests pass a fixed one. */
  now?: () => number;
};
