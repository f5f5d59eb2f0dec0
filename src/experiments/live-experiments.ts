import { isTemplateName } from '../prompts/template-vars.js';
import type { TemplateVersion } from '../prompts/versions/template-version.js';
import type { TemplateVersionStore } from '../prompts/versions/template-version-store.js';
import type { Experiment } from './experiment.js';
import type { ExperimentStore } from './experiment-store.js';

/** A running experiment with the text of each variant's version (null: version 1, the file). */
export type RunningExperiment = {
  experiment: Experiment;
  versions: ReadonlyMap<number, TemplateVersion | null>;
};

/** The running experiments the chat renders with, held in memory and kept fresh. */
export type LiveExperiments = {
  /** The experiment running on `template`, or null. */
  running(template: string): RunningExperiment | null;
  /** Reloads now if the store's stamp moved; a start or stop in this process awaits it. */
  refresh(): Promise<void>;
  stop(): void;
};

/**
 * Loads the running experiments (and their variants' versions) from `store`, then polls its
 * stamp every `pollMs` and reloads when it moved: an experiment started or stopped by another
 * process sharing the store is followed within `pollMs` plus one read. The timer does not keep
 * the process alive.
 *
 * @example
 *   const live = await createLiveExperiments(experiments, versions, { pollMs: 500 });
 *   live.running('greeting')?.experiment.variants; // [{ name: 'A', version: 1, weight: 1 }, ...]
 */
export async function createLiveExperiments(
  store: ExperimentStore,
  versions: Pick<TemplateVersionStore, 'get'>,
  options: { pollMs: number; onError?: (error: unknown) => void },
): Promise<LiveExperiments> {
  let stamp = '';
  let byTemplate = new Map<string, RunningExperiment>();
  let running: Promise<void> | null = null;
  const load = async (): Promise<void> => {
    const seen = await store.stamp();
    if (seen === stamp) return;
    const next = new Map<string, RunningExperiment>();
    for (const experiment of await store.running()) {
      const template = experiment.template;
      // A template the code dropped has nothing to render.
      if (!isTemplateName(template)) continue;
      const held = new Map<number, TemplateVersion | null>();
      for (const v of experiment.variants) {
        // Published versions never change: a variant's text is read once per reload.
        const found = v.version === 1 ? null : await versions.get(template, v.version);
        held.set(v.version, found);
      }
      next.set(experiment.template, { experiment, versions: held });
    }
    byTemplate = next;
    stamp = seen;
  };
  const refresh = (): Promise<void> => {
    running ??= load().finally(() => {
      running = null;
    });
    return running;
  };
  await refresh();
  const timer = setInterval(() => {
    refresh().catch((e: unknown) => options.onError?.(e));
  }, options.pollMs);
  timer.unref();
  return {
    running: (template) => byTemplate.get(template) ?? null,
    async refresh() {
      if (running !== null) await running.catch(() => undefined);
      await refresh();
    },
    stop: () => clearInterval(timer),
  };
}
