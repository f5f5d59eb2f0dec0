import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { AppError } from '../errors/app-error.js';
import { silentLogger, type Logger } from '../lib/logger.js';

/** A held lock; `release` removes it (idempotent). */
export type FolderLock = { release(): void };

/** Who holds a lock, as its file says: `{"pid":..,"host":..,"started":..}` (or a bare pid, as older versions wrote). */
type Holder = { pid: number; host: string | null; started: number | null };

/**
 * Takes `file` as a lock for this process: created naming our pid, host and process start
 * time, or taken over (with a log line) when the process it names is gone: not running, a
 * zombie its parent has not reaped yet (right after a kill -9), or its pid now belongs to a
 * process started later. Throws AppError('INTERNAL') when a live process holds it, or a process
 * of another host (which cannot be checked from here): two servers writing one journal would
 * replay and delete each other's saves. A lock named by this very process (a second store in
 * one process, as tests open) is shared. Hand-written: a pid file is a few lines, and lock
 * libraries poll mtimes instead.
 *
 * @example
 *   const lock = lockFolder('./data/conversations/journal/LOCK', 'the conversation journal', logger);
 *   lock.release();
 */
export function lockFolder(file: string, what: string, logger: Logger = silentLogger): FolderLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const me: Holder = { pid: process.pid, host: hostname(), started: startTimeOf(process.pid) };
      writeFileSync(fd, JSON.stringify(me));
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
    if (holder !== null && holder.host !== null && holder.host !== hostname())
      throw new AppError(
        'INTERNAL',
        `${what} is in use by pid ${holder.pid} on host ${holder.host}: run one leadbot server per data folder, or remove ${file} once that server is stopped`,
      );
    if (holder?.pid === process.pid) return { release: () => undefined };
    if (holder !== null && isRunning(holder)) {
      throw new AppError(
        'INTERNAL',
        `${what} is in use by another process (pid ${holder.pid}): run one leadbot server per data folder, or remove ${file} if that process is not leadbot`,
      );
    }
    // Left by a process that is gone (a crash, a kill -9): take it over.
    logger.warn('took over a lock left by a process that is no longer running', {
      lock: file,
      pid: holder?.pid ?? null,
    });
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

function holderOf(file: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
  const bare = Number(text);
  if (Number.isInteger(bare) && bare > 0) return { pid: bare, host: null, started: null };
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || !('pid' in json)) return null;
    const { pid } = json;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    const host = 'host' in json && typeof json.host === 'string' ? json.host : null;
    const started = 'started' in json && typeof json.started === 'number' ? json.started : null;
    return { pid, host, started };
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...]; null without /proc. */
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** When a process started (clock ticks since boot, Linux); null when unknown. */
function startTimeOf(pid: number): number | null {
  const started = Number(procStat(pid)?.[19]);
  return Number.isFinite(started) ? started : null;
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    if (!isCode(e, 'EPERM')) return false;
  }
  const stat = procStat(holder.pid);
  // No /proc (not Linux): the signal is all there is to go by.
  if (stat === null) return true;
  // A zombie (killed, not yet reaped by its parent) or dead process holds nothing.
  if (stat[0] === 'Z' || stat[0] === 'X') return false;
  // The pid was reused by a process started after the one that took the lock.
  return holder.started === null || startTimeOf(holder.pid) === holder.started;
}

function isCode(e: unknown, code: string): boolean {
  return e instanceof Error && 'code' in e && e.code === code;
}
