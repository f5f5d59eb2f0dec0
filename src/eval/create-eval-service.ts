import { createCore } from '../app/create-core.js';
import { createLlmParts, type LlmParts } from '../extract/llm/create-llm-parts.js';
import { createMemoryCalendar } from '../booking/memory-calendar.js';
import type { Config } from '../config/config-schema.js';
import type { RuntimeEnv } from '../config/load-config.js';
import { createChatService } from '../conversation/create-chat-service.js';
import { createMemoryStore } from '../store/memory-store.js';
import { sequentialIds } from '../app/sequential-ids.js';
import type { CorpusItem } from './corpus-schema.js';

/** Seconds the simulated clock moves per call, so messages keep their order in time. */
const TICK_MS = 5_000;

type EvalOptions = { mode: 'rules' | 'llm'; runtime: RuntimeEnv };
type EvalService = ReturnType<typeof createChatService>;

/**
 * One eval run: the parts every item shares (prompts, and in LLM mode one client, breaker and
 * usage ledger, as in a server process, so the report can sum what the model did) and a fresh
 * service per item.
 * @example
 *   const run = createEvalRun(config, { mode: 'llm', runtime });
 *   const report = await runEval(items, config, run.serviceFor, run.llm);
 */
export function createEvalRun(
  config: Config,
  opts: EvalOptions,
): { llm: LlmParts | null; serviceFor: (item: CorpusItem) => EvalService } {
  const llm = opts.mode === 'llm' ? createLlmParts(config, opts.runtime) : null;
  const core = createCore(config, { llm: llm?.extractor ?? null });
  return { llm, serviceFor: (item) => serviceFor(item, config, core) };
}

/**
 * A fresh service for one corpus item: in-memory store and calendar, the item's clock (moving a
 * few seconds per step), repeatable ids, the real engine, extractor and prompts.
 */
export function createEvalService(
  item: CorpusItem,
  config: Config,
  opts: EvalOptions,
): EvalService {
  return createEvalRun(config, opts).serviceFor(item);
}

function serviceFor(
  item: CorpusItem,
  config: Config,
  core: ReturnType<typeof createCore>,
): EvalService {
  let t = Date.parse(item.now);
  const clock = (): Date => new Date((t += TICK_MS));
  return createChatService({
    config: onItsSite(config, item),
    store: createMemoryStore(),
    calendar: createMemoryCalendar([], { clock: () => new Date(t) }),
    ...core,
    clock,
    newId: sequentialIds(item.id),
  });
}

/**
 * A corpus item's visitor is on the site that embeds the widget: its page's origin is one of
 * the site's own (`server.allowedOrigins`), as it would be in that site's deployment, so the
 * page is kept and scored like a live visitor's. A page that is not an http(s) URL stays
 * dropped (`siteOnlyPage`).
 */
function onItsSite(config: Config, item: CorpusItem): Config {
  const page = item.visitor.page;
  if (page === null || !URL.canParse(page)) return config;
  const { origin } = new URL(page);
  if (origin === 'null' || config.server.allowedOrigins.includes(origin)) return config;
  return {
    ...config,
    server: { ...config.server, allowedOrigins: [...config.server.allowedOrigins, origin] },
  };
}
