import { AppError } from '../errors/app-error.js';

/**
 * The compare of compare-and-set: a save is based on the version the caller read, and lands
 * only if that is still the stored one (0 when nothing is stored). Throws
 * AppError('STALE_WRITE') otherwise; the caller re-reads and re-applies its change.
 *
 * @example assertVersion('c1', stored?.version ?? 0, conversation.version);
 */
export function assertVersion(id: string, storedVersion: number, basedOn: number): void {
  if (storedVersion === basedOn) return;
  throw new AppError(
    'STALE_WRITE',
    `conversation ${id} changed since it was read (stored version ${storedVersion}, this save is based on version ${basedOn}); read it again and re-apply the change`,
  );
}
