import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../../src/lib/keyed-queue.js';

/** A promise the test settles by hand, so ordering is checked without any timer. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('keyed queue', () => {
  it('when two tasks share a key, then the second starts only after the first settles', async () => {
    const queue = createKeyedQueue();
    const first = deferred();
    const log: string[] = [];
    const a = queue.run('c1', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
    });
    const b = queue.run('c1', async () => {
      log.push('b start');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start', 'a end', 'b start']);
  });

  it('when tasks have different keys, then one does not wait for the other', async () => {
    const queue = createKeyedQueue();
    const blocked = deferred();
    const slow = queue.run('c1', () => blocked.promise);
    await expect(queue.run('c2', async () => 'done')).resolves.toBe('done');
    blocked.resolve();
    await slow;
  });

  it('when a task fails, then only its caller sees the error and the next task still runs', async () => {
    const queue = createKeyedQueue();
    const failing = queue.run('c1', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('c1', async () => 'saved');
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('saved');
  });

  it('when tasks are pending, then idle resolves only after all of them have settled', async () => {
    const queue = createKeyedQueue();
    const gate = deferred();
    let finished = false;
    void queue.run('c1', async () => {
      await gate.promise;
      finished = true;
    });
    const idle = queue.idle();
    gate.resolve();
    await idle;
    expect(finished).toBe(true);
  });
});
