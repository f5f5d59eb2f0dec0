import type { TemplateVersion } from './template-version.js';
import { versionListStore, type TemplateVersionStore } from './template-version-store.js';

/**
 * Published template versions in this process's memory, for tests and demos.
 *
 * @example const versions = createMemoryTemplateVersions();
 */
export function createMemoryTemplateVersions(
  initial: readonly TemplateVersion[] = [],
): TemplateVersionStore {
  let versions = initial.map((v) => ({ ...v }));
  return versionListStore(
    async () => versions.map((v) => ({ ...v })),
    async (all, next) => {
      versions = [...all, { ...next }];
    },
    async () => String(versions.length),
  );
}
