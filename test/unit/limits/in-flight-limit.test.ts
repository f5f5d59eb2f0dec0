import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors/app-error.js';
import { createInFlightLimit } from '../../../src/server/limits/in-flight-limit.js';

/** A task the test settles when it wants. */
function deferred() {
  let settle: (ok: boolean) => void = () => undefined;
  const promise = new Promise<string>((resolve, reject) => {
    settle = (ok) => (ok ? resolve('done') : reject(new Error('failed')));
  });
  return { task: () => promise, settle };
}

describe('createInFlightLimit', () => {
  it('refuses the task over the cap for the same user only, and frees a place however a task ends', async () => {
    const limit = createInFlightLimit(2, 'A preview is still playing.');
    const first = deferred();
    const second = deferred();
    const a = limit.run('mia', first.task);
    const b = limit.run('mia', second.task).catch((e: unknown) => e);
    const refused = await limit.run('mia', async () => 'third').catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('RATE_LIMITED');
    expect(isAppError(refused) && refused.message).toBe('A preview is still playing.');
    await expect(limit.run('ria', async () => 'other user')).resolves.toBe('other user');

    first.settle(true);
    await expect(a).resolves.toBe('done');
    second.settle(false);
    expect(await b).toBeInstanceOf(Error);
    expect(limit.running('mia')).toBe(0);
    await expect(limit.run('mia', async () => 'again')).resolves.toBe('again');
  });
});
