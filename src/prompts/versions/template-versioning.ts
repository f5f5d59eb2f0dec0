import path from 'node:path';
import type { Config } from '../../config/config-schema.js';
import type { Logger } from '../../lib/logger.js';
import { createLiveTemplates, type LiveTemplates } from './live-templates.js';
import { createLowdbTemplateVersions } from './lowdb-template-versions.js';
import { createTemplateHistory, type TemplateHistory } from './template-history.js';
import type { TemplateVersionStore } from './template-version-store.js';

export type TemplateVersioning = {
  store: TemplateVersionStore;
  /** What the prompt registry serves (createCore's `published`). */
  live: LiveTemplates;
  /** What the console's templates API works with. */
  history: TemplateHistory;
};

/**
 * The published template versions of a server: stored in the data folder (lowdb), polled every
 * `console.templatePollMs` for publishes by other processes, and the history the API uses.
 *
 * @example const versioning = await createTemplateVersioning(config, stderrLogger);
 */
export async function createTemplateVersioning(
  config: Config,
  logger: Logger,
  store?: TemplateVersionStore,
): Promise<TemplateVersioning> {
  const versions = store ?? (await createLowdbTemplateVersions({ dataDir: config.dataDir }));
  const live = await createLiveTemplates(versions, {
    pollMs: config.console.templatePollMs,
    onError: (e) =>
      logger.warn('published template versions cannot be read; the versions held stay live', {
        error: e instanceof Error ? e.message : String(e),
      }),
  });
  const history = createTemplateHistory({
    store: versions,
    promptsDir: path.resolve(config.promptsDir),
    live,
  });
  return { store: versions, live, history };
}
