import { AppError } from '../errors/app-error.js';
import type { Experiment } from './experiment.js';

/** How an experiment ends: by whom, when, and the version promoted (null when just stopped). */
export type ExperimentEnd = {
  at: string;
  by: { email: string; name: string };
  promoted: number | null;
};

/**
 * Where experiments live (DESIGN.md "Prompt versions and experiments"). The lowdb adapter keeps
 * one file in the data folder; the memory one serves tests.
 */
export type ExperimentStore = {
  /** Every experiment of `template` (of every template when absent), oldest first. */
  list(template?: string): Promise<Experiment[]>;
  /** The running experiment of every template that has one. */
  running(): Promise<Experiment[]>;
  /** Stores a new running experiment; AppError('CONFLICT') while one runs on its template. */
  start(experiment: Experiment): Promise<Experiment>;
  /** Stops the running experiment `id`; AppError('NOT_FOUND') when no such one runs. */
  stop(id: string, end: ExperimentEnd): Promise<Experiment>;
  /** A token that changes on every write, by this process or another sharing the store. */
  stamp(): Promise<string>;
};

/**
 * The rules of an {@link ExperimentStore} over a plain list, shared by the memory and lowdb
 * adapters: `read` gives every experiment, `write` replaces them. Writes are serialized in this
 * process, so two starts at once on one template cannot both run.
 *
 * @example const store = experimentListStore(async () => list, async (all) => void (list = all), stamp);
 */
export function experimentListStore(
  read: () => Promise<Experiment[]>,
  write: (all: Experiment[]) => Promise<void>,
  stamp: () => Promise<string>,
): ExperimentStore {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    async list(template) {
      const all = await read();
      return template === undefined ? all : all.filter((e) => e.template === template);
    },
    async running() {
      return (await read()).filter((e) => e.status === 'running');
    },
    start(experiment) {
      return serial(async () => {
        const all = await read();
        if (all.some((e) => e.template === experiment.template && e.status === 'running'))
          throw new AppError('CONFLICT', `an experiment already runs on ${experiment.template}`);
        await write([...all, experiment]);
        return experiment;
      });
    },
    stop(id, end) {
      return serial(async () => {
        const all = await read();
        const found = all.find((e) => e.id === id && e.status === 'running');
        if (found === undefined) throw new AppError('NOT_FOUND', `no running experiment ${id}`);
        const stopped: Experiment = {
          ...found,
          status: 'stopped',
          stoppedAt: end.at,
          stoppedBy: end.by,
          promoted: end.promoted,
        };
        await write(all.map((e) => (e === found ? stopped : e)));
        return stopped;
      });
    },
    stamp,
  };
}
