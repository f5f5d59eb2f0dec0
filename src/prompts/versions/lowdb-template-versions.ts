import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { jsonDataFile } from '../../lib/json-file.js';
import { TemplateVersionSchema } from './template-version.js';
import { versionListStore, type TemplateVersionStore } from './template-version-store.js';

const VersionsFileSchema = z.object({ versions: z.array(TemplateVersionSchema) });

/** Where published template versions are kept in a data folder. */
export const templateVersionsFile = (dataDir: string): string =>
  path.join(dataDir, 'console', 'template-versions.json');

/**
 * Published template versions in `<dataDir>/console/template-versions.json`, read afresh on
 * every call and written whole through lowdb's temp-file-and-rename. Its stamp is the file's
 * inode, nanosecond mtime and size: every publish renames a new file into place, so any
 * process reading the same file sees the stamp move. A file that is not valid rejects with
 * AppError('INTERNAL') naming it.
 *
 * @example const versions = await createLowdbTemplateVersions({ dataDir: './data' });
 */
export async function createLowdbTemplateVersions(opts: {
  dataDir: string;
}): Promise<TemplateVersionStore> {
  const filename = templateVersionsFile(opts.dataDir);
  await mkdir(path.dirname(filename), { recursive: true, mode: 0o700 });
  const file = jsonDataFile(filename, VersionsFileSchema, { what: 'template versions file' });
  return versionListStore(
    async () => (await file.read())?.versions ?? [],
    async (all, next) => file.write({ versions: [...all, next] }),
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
