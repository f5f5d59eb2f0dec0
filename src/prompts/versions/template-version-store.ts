import type { TemplateName } from '../template-vars.js';
import type { TemplateVersion, VersionDraft } from './template-version.js';

/**
 * Where published template versions live (DESIGN.md "Prompt versions"): append-only, so a
 * version once published never changes. The lowdb adapter keeps one file in the data folder;
 * a PostgreSQL adapter can implement the same five calls later.
 */
export type TemplateVersionStore = {
  /** The published versions of `template`, oldest first (version 1, the file, is not stored). */
  list(template: TemplateName): Promise<TemplateVersion[]>;
  /** One published version, or null. */
  get(template: TemplateName, version: number): Promise<TemplateVersion | null>;
  /** The latest published version of every template that has one. */
  live(): Promise<TemplateVersion[]>;
  /** Stores `draft` as the template's next version: the highest so far plus one, at least 2. */
  publish(draft: VersionDraft): Promise<TemplateVersion>;
  /**
   * A token that changes whenever a version is published, by this process or another sharing
   * the store: readers poll it and reload only when it moved.
   */
  stamp(): Promise<string>;
};

/**
 * The rules of a {@link TemplateVersionStore} over a plain list, shared by the memory and lowdb
 * adapters: `read` gives every stored version, `append` adds one. Publishes are serialized in
 * this process, so two at once get consecutive numbers.
 *
 * @example const store = versionListStore(async () => list, async (v) => void list.push(v), stamp);
 */
export function versionListStore(
  read: () => Promise<TemplateVersion[]>,
  append: (all: TemplateVersion[], next: TemplateVersion) => Promise<void>,
  stamp: () => Promise<string>,
): TemplateVersionStore {
  let chain: Promise<unknown> = Promise.resolve();
  const ofTemplate = async (template: TemplateName): Promise<TemplateVersion[]> =>
    (await read()).filter((v) => v.template === template).sort((a, b) => a.version - b.version);
  return {
    list: ofTemplate,
    async get(template, version) {
      return (await ofTemplate(template)).find((v) => v.version === version) ?? null;
    },
    async live() {
      const latest = new Map<string, TemplateVersion>();
      for (const v of await read()) {
        const seen = latest.get(v.template);
        if (seen === undefined || seen.version < v.version) latest.set(v.template, v);
      }
      return [...latest.values()];
    },
    publish(draft) {
      const run = chain.then(async () => {
        const all = await read();
        const highest = all
          .filter((v) => v.template === draft.template)
          .reduce((max, v) => Math.max(max, v.version), 1);
        const next: TemplateVersion = { ...draft, version: highest + 1 };
        await append(all, next);
        return next;
      });
      chain = run.catch(() => undefined);
      return run;
    },
    stamp,
  };
}
