import type { Config } from '../config/config-schema.js';
import type { Logger } from '../lib/logger.js';
import type { TemplateVersioning } from '../prompts/versions/template-versioning.js';
import type { Store } from '../store/store.js';
import type { ExperimentStore } from './experiment-store.js';
import {
  experimentService,
  storedConversations,
  type ExperimentService,
} from './experiment-service.js';
import { createLiveExperiments, type LiveExperiments } from './live-experiments.js';
import { createLowdbExperiments } from './lowdb-experiments.js';

export type Experimenting = {
  store: ExperimentStore;
  /** What the renderer chooses variants from (createCore's `experiments`). */
  live: LiveExperiments;
  /** What the console's experiments API works with. */
  service: ExperimentService;
};

/**
 * The experiments of a server: stored in the data folder (lowdb) unless `store` is given, polled
 * every `console.templatePollMs` for starts and stops by other processes, and the service the
 * API uses (its report reads the conversations of `conversations`).
 *
 * @example const experimenting = await createExperimenting(config, logger, { templates, conversations: store, newId });
 */
export async function createExperimenting(
  config: Config,
  logger: Logger,
  deps: {
    templates: Pick<TemplateVersioning, 'store' | 'history'>;
    conversations: Store;
    newId: () => string;
    clock?: () => Date;
    store?: ExperimentStore;
  },
): Promise<Experimenting> {
  const store = deps.store ?? (await createLowdbExperiments({ dataDir: config.dataDir }));
  const live = await createLiveExperiments(store, deps.templates.store, {
    pollMs: config.console.templatePollMs,
    onError: (e) =>
      logger.warn('experiments cannot be read; the experiments held stay live', {
        error: e instanceof Error ? e.message : String(e),
      }),
  });
  const service = experimentService({
    store,
    history: deps.templates.history,
    conversations: () => storedConversations(deps.conversations),
    live,
    newId: deps.newId,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  return { store, live, service };
}
