import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { jsonDataFile } from '../lib/json-file.js';
import { ExperimentSchema } from './experiment.js';
import { experimentListStore, type ExperimentStore } from './experiment-store.js';

const ExperimentsFileSchema = z.object({ experiments: z.array(ExperimentSchema) });

/** Where experiments are kept in a data folder. */
export const experimentsFile = (dataDir: string): string =>
  path.join(dataDir, 'console', 'experiments.json');

/**
 * Experiments in `<dataDir>/console/experiments.json`, read afresh on every call and written
 * whole through lowdb's temp-file-and-rename; its stamp is the file's inode, mtime and size, so
 * every process sharing the folder sees a write move it. An invalid file rejects with
 * AppError('INTERNAL') naming it.
 *
 * @example const experiments = await createLowdbExperiments({ dataDir: './data' });
 */
export async function createLowdbExperiments(opts: { dataDir: string }): Promise<ExperimentStore> {
  const filename = experimentsFile(opts.dataDir);
  await mkdir(path.dirname(filename), { recursive: true, mode: 0o700 });
  const file = jsonDataFile(filename, ExperimentsFileSchema, { what: 'experiments file' });
  return experimentListStore(
    async () => (await file.read())?.experiments ?? [],
    async (experiments) => file.write({ experiments }),
    async () => {
      try {
        const s = await stat(filename, { bigint: true });
        return `${s.ino}:${s.mtimeNs}:${s.size}`;
      } catch {
        return 'none';
      }
    },
  );
}
