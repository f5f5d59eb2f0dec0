import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../errors/app-error.js';

/** What a file system error code means to an operator. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'a part of the path does not exist',
};

/** The file system calls the check makes (tests pass failing ones: root ignores permissions). */
export type FolderFs = {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string): Promise<void>;
  unlink(path: string): Promise<void>;
};

/**
 * Makes sure the data folder exists (created if missing) and can be written, before anything
 * is read from it. Throws AppError('INTERNAL') with one line naming the folder, what is wrong
 * and what to do, instead of the first failing `mkdir`'s stack trace.
 *
 * @example await ensureDataFolder('./data');
 */
export async function ensureDataFolder(
  dataDir: string,
  fs: FolderFs = { mkdir, writeFile, unlink },
): Promise<void> {
  const { mkdir, writeFile, unlink } = fs;
  const folder = resolve(dataDir);
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw dataFolderError(folder, 'cannot be created', e);
  }
  const probe = resolve(folder, `.write-test-${process.pid}`);
  try {
    await writeFile(probe, '');
    await unlink(probe);
  } catch (e) {
    throw dataFolderError(folder, 'cannot be written', e);
  }
}

function dataFolderError(folder: string, what: string, e: unknown): AppError {
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : null;
  const reason =
    (code !== null ? REASONS[code] : undefined) ?? (e instanceof Error ? e.message : String(e));
  const uid = process.getuid?.();
  const user =
    uid === undefined ? 'the user running leadbot' : `the user running leadbot (uid ${uid})`;
  const todo = `create it and let ${user} write to it, or point DATA_DIR (or "dataDir" in the config) to a folder it can write`;
  return new AppError(
    'INTERNAL',
    `the data folder ${folder} ${what} (${reason}${code !== null ? `, ${code}` : ''}): ${todo}`,
  );
}
