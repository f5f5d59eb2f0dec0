import type { TemplateName } from '../template-vars.js';
import type { TemplateVersion } from './template-version.js';
import type { TemplateVersionStore } from './template-version-store.js';

/** The published versions the chat renders, held in memory and kept fresh. */
export type LiveTemplates = {
  /** The latest published version of `name`, or null while none is (the file is live). */
  current(name: TemplateName): TemplateVersion | null;
  /** Reloads now if the store's stamp moved; a publish in this process awaits it. */
  refresh(): Promise<void>;
  /** Stops polling. */
  stop(): void;
};

export type LiveTemplatesOptions = {
  /** How often the store's stamp is polled, ms (config `console.templatePollMs`). */
  pollMs: number;
  /** A failed poll (an unreadable file): reported, the versions held stay live. */
  onError?: (error: unknown) => void;
};

/**
 * Loads the live versions from `store`, then polls its stamp every `pollMs` (a `stat` of the
 * lowdb file) and reloads when it moved: a version published by another process sharing the
 * store is served within `pollMs` plus one read. The timer does not keep the process alive.
 *
 * @example
 *   const live = await createLiveTemplates(versions, { pollMs: 500 });
 *   live.current('ask-budget'); // { version: 3, source: '...', ... } or null
 */
export async function createLiveTemplates(
  store: TemplateVersionStore,
  options: LiveTemplatesOptions,
): Promise<LiveTemplates> {
  let stamp = '';
  let byName = new Map<string, TemplateVersion>();
  let running: Promise<void> | null = null;
  const load = async (): Promise<void> => {
    const seen = await store.stamp();
    if (seen === stamp) return;
    // The stamp is read before the versions: a publish landing in between is reloaded next time.
    const live = await store.live();
    byName = new Map(live.map((v) => [v.template, v]));
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
    current: (name) => byName.get(name) ?? null,
    async refresh() {
      // A poll already under way may have read the stamp before this process's publish.
      if (running !== null) await running.catch(() => undefined);
      await refresh();
    },
    stop: () => clearInterval(timer),
  };
}
