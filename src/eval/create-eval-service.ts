import { createCore } from '../app/create-core.js';
import { createLlmParts } from '../extract/llm/create-llm-parts.js';
import { createMemoryCalendar } from '../booking/memory-calendar.js';
import type { Config } from '../config/config-schema.js';
import type { RuntimeEnv } from '../config/load-config.js';
import { createChatService } from '../conversation/create-chat-service.js';
import { createMemoryStore } from '../store/memory-store.js';
import { sequentialIds } from '../app/sequential-ids.js';
import type { CorpusItem } from './corpus-schema.js';

/** Seconds the simulated clock moves per call, so messages keep their order in time. */
const TICK_MS = 5_000;

/**
 * A fresh service for one corpus item: in-memory store and calendar, the item's clock (moving a
 * few seconds per step), repeatable ids, the real engine, extractor and prompts.
 */
export function createEvalService(item: CorpusItem, config: Config, opts: { mode: 'rules' | 'llm'; runtime: RuntimeEnv }) {
  const llm = opts.mode === 'llm' ? createLlmParts(config, opts.runtime) : null;
  const core = createCore(config, { llm: llm?.extractor ?? null });
  let t = Date.parse(item.now);
  const clock = (): Date => new Date((t += TICK_MS));
  return createChatService({
    config,
    store: createMemoryStore(),
    calendar: createMemoryCalendar([], { clock: () => new Date(t) }),
    ...core,
    clock,
    newId: sequentialIds(item.id),
  });
}
