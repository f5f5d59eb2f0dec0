import type { Experiment } from './experiment.js';
import { experimentListStore, type ExperimentStore } from './experiment-store.js';

/**
 * Experiments in this process's memory, for tests and demos.
 *
 * @example const experiments = createMemoryExperiments();
 */
export function createMemoryExperiments(initial: readonly Experiment[] = []): ExperimentStore {
  let all = initial.map((e) => structuredClone(e));
  let writes = 0;
  return experimentListStore(
    async () => all.map((e) => structuredClone(e)),
    async (next) => {
      all = next.map((e) => structuredClone(e));
      writes += 1;
    },
    async () => String(writes),
  );
}
