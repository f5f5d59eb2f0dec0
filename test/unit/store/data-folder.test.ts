import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDataFolder } from '../../../src/store/data-folder.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

/** A write refused as the kernel refuses it (root ignores permission bits, so it is injected). */
const refused = (code: string) => async (): Promise<void> => {
  throw Object.assign(new Error(`${code}: refused`), { code });
};

describe('the data folder check at start', () => {
  it.each([
    ['EACCES', 'cannot be written (permission denied, EACCES)'],
    ['EROFS', 'cannot be written (the file system is read-only, EROFS)'],
    ['ENOSPC', 'cannot be written (the disk is full, ENOSPC)'],
  ])(
    'when writing into it fails with %s, then one message names the folder, the reason and what to do',
    async (code, expected) => {
      const { dir } = tempDirForTest();
      const folder = join(dir, 'data');
      const check = ensureDataFolder(folder, { mkdir, writeFile: refused(code), unlink });
      await expect(check).rejects.toThrow(`the data folder ${folder} ${expected}`);
      await expect(check).rejects.toThrow(/point DATA_DIR .* to a folder it can write/);
    },
  );

  it('when the folder is missing and can be made, then it is created and left without a probe file', async () => {
    const { dir } = tempDirForTest();
    const folder = join(dir, 'new', 'data');
    await ensureDataFolder(folder);
    expect(await readdir(folder)).toEqual([]);
  });
});
