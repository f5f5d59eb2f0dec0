import { isAppError } from '../errors/app-error.js';

/** How many times a read-change-save is run before a stale write is given up on. */
const MAX_ATTEMPTS = 3;

/**
 * Runs `task` (read the conversation, change it, save it) again when its save was refused as
 * stale (another writer saved the conversation since it was read): the rerun reads the
 * conversation afresh, so nothing the other writer saved is lost. Any other failure, or the
 * last allowed stale write in a row, is thrown.
 *
 * @example await retryStale(async () => store.saveConversation(touch(await load(id))));
 */
export async function retryStale<T>(task: () => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (e) {
      if (attempt >= attempts || !isStaleWrite(e)) throw e;
    }
  }
}

/** Whether a save was refused because the conversation changed since it was read. */
export function isStaleWrite(e: unknown): boolean {
  return isAppError(e) && e.code === 'STALE_WRITE';
}
