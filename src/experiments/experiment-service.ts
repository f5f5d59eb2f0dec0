import { AppError } from '../errors/app-error.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { TemplateName } from '../prompts/template-vars.js';
import type { Publisher, TemplateHistory } from '../prompts/versions/template-history.js';
import type { TemplateVersion } from '../prompts/versions/template-version.js';
import type { Store } from '../store/store.js';
import { VARIANT_NAMES, type Experiment, type ExperimentDraft } from './experiment.js';
import { experimentReport, type ExperimentReport } from './experiment-report.js';
import type { ExperimentStore } from './experiment-store.js';
import type { LiveExperiments } from './live-experiments.js';

export type ExperimentServiceDeps = {
  store: ExperimentStore;
  history: Pick<TemplateHistory, 'versions' | 'rollback'>;
  /** Every stored conversation, for the report. */
  conversations: () => Promise<Iterable<Conversation>>;
  /** This process's running experiments: refreshed after a start or stop. */
  live?: Pick<LiveExperiments, 'refresh'>;
  clock?: () => Date;
  newId: () => string;
};

/**
 * Every stored conversation, read one by one (the report scans them all).
 *
 * @example experimentService({ ..., conversations: () => storedConversations(store) })
 */
export async function storedConversations(store: Store): Promise<Conversation[]> {
  const all: Conversation[] = [];
  for (const id of await store.listConversationIds()) {
    const conv = await store.getConversation(id);
    if (conv !== null) all.push(conv);
  }
  return all;
}

/**
 * Experiments as marketers run them (DESIGN.md "Prompt versions and experiments"): start one on
 * a template (versions that exist, the first the control), read its report, stop it, or promote
 * a variant, which publishes that version again as the live one (a normal version with author
 * and note) and stops the experiment.
 *
 * @example await service.start('greeting', { variants: [{ version: 1, weight: 1 }, { version: 2, weight: 1 }], goal: 'answered' }, by)
 */
export function experimentService(deps: ExperimentServiceDeps) {
  const { store } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const running = async (name: TemplateName): Promise<Experiment | null> =>
    (await store.list(name)).find((e) => e.status === 'running') ?? null;
  const mustRun = async (name: TemplateName): Promise<Experiment> => {
    const found = await running(name);
    if (found === null) throw new AppError('NOT_FOUND', `no experiment runs on ${name}`);
    return found;
  };
  const stop = async (e: Experiment, by: Publisher, promoted: number | null) => {
    const at = clock().toISOString();
    const stopped = await store.stop(e.id, { at, by, promoted });
    await deps.live?.refresh();
    return stopped;
  };
  return {
    running,
    /** The running experiment of `name`, else its latest one; null when it never had one. */
    async latest(name: TemplateName): Promise<Experiment | null> {
      return (await running(name)) ?? (await store.list(name)).at(-1) ?? null;
    },
    async start(name: TemplateName, draft: ExperimentDraft, by: Publisher): Promise<Experiment> {
      const known = new Set((await deps.history.versions(name)).map((v) => v.version));
      const missing = draft.variants.find((v) => !known.has(v.version));
      if (missing !== undefined)
        throw new AppError('BAD_REQUEST', `${name} has no version ${missing.version}`);
      const experiment: Experiment = {
        id: deps.newId(),
        template: name,
        variants: draft.variants.map((v, i) => ({ name: VARIANT_NAMES[i] ?? `V${i + 1}`, ...v })),
        goal: draft.goal,
        status: 'running',
        startedAt: clock().toISOString(),
        startedBy: by,
        stoppedAt: null,
        stoppedBy: null,
        promoted: null,
      };
      const started = await store.start(experiment);
      await deps.live?.refresh();
      return started;
    },
    async stop(name: TemplateName, by: Publisher): Promise<Experiment> {
      return stop(await mustRun(name), by, null);
    },
    /**
     * Publishes variant `version` as the live version (unless it is live already), then stops
     * the experiment. A publish the prompt checks refuse leaves the experiment running.
     */
    async promote(name: TemplateName, version: number, by: Publisher) {
      const e = await mustRun(name);
      const variant = e.variants.find((v) => v.version === version);
      if (variant === undefined)
        throw new AppError('BAD_REQUEST', `version ${version} is no variant of this experiment`);
      const live = (await deps.history.versions(name)).at(-1)?.version ?? 1;
      const note = `promoted variant ${variant.name} (version ${version}) of experiment ${e.id}`;
      const published: TemplateVersion | null =
        version === live ? null : await deps.history.rollback(name, version, by, note);
      return { experiment: await stop(e, by, version), published };
    },
    async report(name: TemplateName): Promise<ExperimentReport> {
      const e = (await running(name)) ?? (await store.list(name)).at(-1);
      if (e === undefined) throw new AppError('NOT_FOUND', `${name} has had no experiment`);
      return experimentReport(e, await deps.conversations(), clock());
    },
  };
}

export type ExperimentService = ReturnType<typeof experimentService>;
