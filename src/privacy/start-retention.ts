import type { Logger } from '../lib/logger.js';
import { expireOldData, type RetentionReport } from './expire-old-data.js';
import type { PrivacyDeps } from './privacy-deps.js';

/** How often the server sweeps after the start: every 6 hours. */
export const RETENTION_SWEEP_MS = 6 * 3_600_000;

export type RetentionDeps = Omit<PrivacyDeps, 'notifyCanceled'> & {
  /** `retention.days`; null turns expiry off. */
  days: number | null;
  logger: Logger;
  /** Where the count of each sweep goes; default one JSON line on stderr. */
  log?: (message: string, meta: RetentionReport) => void;
  intervalMs?: number;
};

/** The running expiry: `sweep` runs one now (or joins the one under way). */
export type Retention = { sweep(): Promise<void>; stop(): Promise<void> };

const stderrInfo = (message: string, meta: RetentionReport): void =>
  void process.stderr.write(`${JSON.stringify({ level: 'info', message, ...meta })}\n`);

/**
 * Expires old data at once (not awaited: the server starts meanwhile) and then every `intervalMs` (an unref'd timer: it never keeps the
 * process alive), logging the counts of every sweep; a failed sweep is logged and the next one
 * tries again. Returns `stop`, which stops a sweep under way after its current conversation and waits for it. Does nothing when `days` is
 * null.
 *
 * @example const retention = startRetention({ ...deps, days: 365, logger }); await retention.stop();
 */
export function startRetention(deps: RetentionDeps): Retention {
  const { days } = deps;
  if (days === null) return { sweep: async () => undefined, stop: async () => undefined };
  const log = deps.log ?? stderrInfo;
  let running: Promise<void> | null = null;
  const stopping = new AbortController();
  const sweep = (): Promise<void> => {
    running ??= expireOldData(deps, days, stopping.signal)
      .then(
        (r) =>
          r.stopped
            ? log('retention: sweep stopped at shutdown; the next sweep starts over', r)
            : log(`retention: erased data last active more than ${days} days ago`, r),
        (e: unknown) =>
          deps.logger.error('retention sweep failed; the next one tries again', {
            error: e instanceof Error ? e.message : String(e),
          }),
      )
      .finally(() => (running = null));
    return running;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), deps.intervalMs ?? RETENTION_SWEEP_MS);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      stopping.abort(); // a sweep under way ends after the conversation it is on
      await running;
    },
  };
}
