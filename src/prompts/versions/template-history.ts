import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors/app-error.js';
import type { PromptProblem } from '../prompt-problem.js';
import { TEMPLATE_NAMES, type TemplateName } from '../template-vars.js';
import { draftProblems, TemplateInvalidError } from './check-draft.js';
import { lineDiff, type DiffLine } from './line-diff.js';
import type { LiveTemplates } from './live-templates.js';
import type { TemplateVersion } from './template-version.js';
import type { TemplateVersionStore } from './template-version-store.js';

/** A version as the console shows it; version 1 (the file) has no author and no publish time. */
export type HistoryVersion = Omit<
  TemplateVersion,
  'version' | 'author' | 'authorName' | 'publishedAt'
> & {
  version: number;
  author: string | null;
  authorName: string | null;
  publishedAt: string | null;
};
export type TemplateSummary = {
  name: TemplateName;
  live: number;
  author: string | null;
  publishedAt: string | null;
};
export type Publisher = { email: string; name: string };

export type TemplateHistoryDeps = {
  store: TemplateVersionStore;
  /** The folder of the shipped templates (version 1 of each). */
  promptsDir: string;
  /** This process's live versions: refreshed after a publish, so the next message uses it. */
  live?: Pick<LiveTemplates, 'refresh'>;
  clock?: () => Date;
  /** The checks a draft must pass; the prompt checks of `npm run prompts:check` by default. */
  check?: (name: TemplateName, source: string) => PromptProblem[];
};

/**
 * Template versions as marketers work with them: version 1 read from the file, published ones
 * from the store; publish (checked first), rollback (publishes an earlier text again), diff.
 *
 * @example
 *   const history = createTemplateHistory({ store, promptsDir: './prompts', live });
 *   await history.publish('ask-budget', source, { email, name }, 'shorter');
 */
export function createTemplateHistory(deps: TemplateHistoryDeps) {
  const { store } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const check = deps.check ?? draftProblems;

  const fileVersion = async (name: TemplateName): Promise<HistoryVersion> => {
    const file = path.join(deps.promptsDir, `${name}.hbs`);
    const source = await readFile(file, 'utf8').catch(() => '');
    const note = (await stat(file).catch(() => null))
      ? `the file ${name}.hbs`
      : `${name}.hbs is missing`;
    return {
      template: name,
      version: 1,
      source,
      author: null,
      authorName: null,
      note,
      publishedAt: null,
    };
  };
  const versions = async (name: TemplateName): Promise<HistoryVersion[]> => [
    await fileVersion(name),
    ...(await store.list(name)),
  ];
  const get = async (name: TemplateName, version: number): Promise<HistoryVersion> => {
    const found = version === 1 ? await fileVersion(name) : await store.get(name, version);
    if (found === null) throw new AppError('NOT_FOUND', `${name} has no version ${version}`);
    return found;
  };
  const publish = async (
    name: TemplateName,
    source: string,
    by: Publisher,
    note: string,
    restoredFrom?: number,
  ): Promise<TemplateVersion> => {
    const problems = check(name, source).filter((p) => p.severity === 'error');
    if (problems.length > 0) throw new TemplateInvalidError(name, problems);
    const published = await store.publish({
      template: name,
      source,
      author: by.email,
      authorName: by.name,
      note,
      publishedAt: clock().toISOString(),
      ...(restoredFrom === undefined ? {} : { restoredFrom }),
    });
    await deps.live?.refresh();
    return published;
  };

  return {
    versions,
    get,
    publish: (name: TemplateName, source: string, by: Publisher, note: string) =>
      publish(name, source, by, note),
    /** Every template with its live version, in TEMPLATE_NAMES order. */
    async overview(): Promise<TemplateSummary[]> {
      const live = new Map((await store.live()).map((v) => [v.template, v]));
      return TEMPLATE_NAMES.map((name) => {
        const v = live.get(name);
        return v
          ? { name, live: v.version, author: v.author, publishedAt: v.publishedAt }
          : { name, live: 1, author: null, publishedAt: null };
      });
    },
    /** Publishes version `version`'s text again as the next version (checked like any publish). */
    async rollback(name: TemplateName, version: number, by: Publisher, note?: string) {
      const all = await versions(name);
      const target = all.find((v) => v.version === version);
      if (target === undefined)
        throw new AppError('NOT_FOUND', `${name} has no version ${version}`);
      const live = all.at(-1)?.version ?? 1;
      if (version === live)
        throw new AppError('CONFLICT', `version ${version} of ${name} is live already`);
      return publish(name, target.source, by, note ?? `rollback to version ${version}`, version);
    },
    /** The line diff from version `from` to version `to`. */
    async diff(name: TemplateName, from: number, to: number) {
      const [a, b] = [await get(name, from), await get(name, to)];
      const lines: DiffLine[] = lineDiff(a.source, b.source);
      const count = (op: DiffLine['op']): number => lines.filter((l) => l.op === op).length;
      return { template: name, from, to, added: count('added'), removed: count('removed'), lines };
    },
  };
}

export type TemplateHistory = ReturnType<typeof createTemplateHistory>;
