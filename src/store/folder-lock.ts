import { openSync, closeSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors/app-error.js';

/** A held lock; `release` removes it (idempotent). */
export type FolderLock = { release(): void };

/**
 * Takes `file` as a lock for this process: created holding our pid, or taken over when the pid
 * it names is no longer running (a crashed process). Throws AppError('INTERNAL') when another
 * live process holds it: two servers writing one journal would replay and delete each other's
 * saves. A lock named by this very process (a second store in one process, as tests open) is
 * shared. Hand-written: a pid file is a few lines, and lock libraries poll mtimes instead.
 *
 * @example
 *   const lock = lockFolder('./data/conversations/journal/LOCK', 'the conversation journal');
 *   lock.release();
 */
export function lockFolder(file: string, what: string): FolderLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return releaser(file);
    } catch (e) {
      if (!isCode(e, 'EEXIST'))
        throw new AppError(
          'INTERNAL',
          `could not lock ${what} (${file}): ${e instanceof Error ? e.message : String(e)}`,
        );
    }
    const holder = holderOf(file);
    if (holder === process.pid) return { release: () => undefined };
    if (holder !== null && isRunning(holder)) {
      throw new AppError(
        'INTERNAL',
        `${what} is in use by another process (pid ${holder}): run one leadbot server per data folder, or remove ${file} if that process is not leadbot`,
      );
    }
    // Left by a process that is gone: take it over.
    unlinkSync(file);
  }
  throw new AppError(
    'INTERNAL',
    `could not lock ${what} (${file}): another process keeps taking it`,
  );
}

function releaser(file: string): FolderLock {
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      try {
        unlinkSync(file);
      } catch {
        // Already gone (an operator removed it): nothing to release.
      }
    },
  };
}

function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return isCode(e, 'EPERM');
  }
}

function isCode(e: unknown, code: string): boolean {
  return e instanceof Error && 'code' in e && e.code === code;
}
