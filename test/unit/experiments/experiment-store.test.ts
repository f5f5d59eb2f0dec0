import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../src/experiments/experiment.js';
import type { ExperimentStore } from '../../../src/experiments/experiment-store.js';
import { createLiveExperiments } from '../../../src/experiments/live-experiments.js';
import {
  createLowdbExperiments,
  experimentsFile,
} from '../../../src/experiments/lowdb-experiments.js';
import { createMemoryExperiments } from '../../../src/experiments/memory-experiments.js';
import { createMemoryTemplateVersions } from '../../../src/prompts/versions/memory-template-versions.js';
import { closeAfterTest } from '../../helpers/close-after-test.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

const MIA = { email: 'mia@beacon.example', name: 'Mia' };
const experiment = (id: string, template = 'ask-need'): Experiment => ({
  id,
  template,
  variants: [
    { name: 'A', version: 1, weight: 1 },
    { name: 'B', version: 2, weight: 1 },
  ],
  goal: 'answered',
  status: 'running',
  startedAt: '2026-03-02T10:00:00.000Z',
  startedBy: MIA,
  stoppedAt: null,
  stoppedBy: null,
  promoted: null,
});
const end = { at: '2026-03-03T10:00:00.000Z', by: MIA, promoted: 2 };

const stores: [string, () => Promise<ExperimentStore>][] = [
  ['memory', async () => createMemoryExperiments()],
  ['lowdb', async () => createLowdbExperiments({ dataDir: tempDirForTest().dir })],
];

describe.each(stores)('the %s experiment store', (_kind, make) => {
  it('when an experiment runs on a template, then a second one on it is refused until it stops', async () => {
    const store = await make();
    await store.start(experiment('exp_1'));
    await expect(store.start(experiment('exp_2'))).rejects.toMatchObject({ code: 'CONFLICT' });
    await store.start(experiment('exp_3', 'ask-budget'));
    expect((await store.running()).map((e) => e.id)).toEqual(['exp_1', 'exp_3']);
    const stopped = await store.stop('exp_1', end);
    expect(stopped).toMatchObject({ status: 'stopped', stoppedBy: MIA, promoted: 2 });
    await store.start(experiment('exp_2'));
    expect((await store.list('ask-need')).map((e) => [e.id, e.status])).toEqual([
      ['exp_1', 'stopped'],
      ['exp_2', 'running'],
    ]);
  });

  it('when two starts on one template race, then exactly one runs', async () => {
    const store = await make();
    const results = await Promise.allSettled([
      store.start(experiment('exp_1')),
      store.start(experiment('exp_2')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await store.running()).toHaveLength(1);
  });

  it('when stopping one that does not run, then it is refused as not found', async () => {
    const store = await make();
    await expect(store.stop('exp_9', end)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('experiments shared by two processes through the data folder', () => {
  it('when one process starts an experiment, then the other renders with it within a poll', async () => {
    const { dir } = tempDirForTest();
    const writer = await createLowdbExperiments({ dataDir: dir });
    const reader = await createLowdbExperiments({ dataDir: dir });
    const versions = createMemoryTemplateVersions();
    const live = await createLiveExperiments(reader, versions, { pollMs: 20 });
    closeAfterTest({ close: () => live.stop() });
    expect(live.running('ask-need')).toBeNull();
    await writer.start(experiment('exp_1'));
    await expect
      .poll(() => live.running('ask-need')?.experiment.id, { timeout: 2000 })
      .toBe('exp_1');
    await writer.stop('exp_1', end);
    await expect.poll(() => live.running('ask-need'), { timeout: 2000 }).toBeNull();
  });

  it('when the file is not valid, then reading it fails naming the file', async () => {
    const { dir } = tempDirForTest();
    const store = await createLowdbExperiments({ dataDir: dir });
    await writeFile(experimentsFile(dir), '{"experiments": [{"id": 3}]}');
    await expect(store.running()).rejects.toThrow(
      /experiments\.json is not a valid experiments file/,
    );
  });
});
