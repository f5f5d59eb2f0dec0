import { describe, expect, it } from 'vitest';
import { createDueQueue } from '../../../src/handoff/delivery/due-queue.js';

const never = new Promise<void>(() => undefined);

describe('the due queue', () => {
  it('when a destination has two attempts in flight, then its other due deliveries wait and the other destinations go first', () => {
    const q = createDueQueue();
    ['s1', 's2', 's3', 's4'].forEach((id, i) => q.set(id, 'slow', i));
    q.set('h1', 'healthy', 10);
    for (const r of q.ready(100, { total: 8, perDestination: 2 }))
      q.track(r.id, r.destinationId, never);
    expect(q.ready(100, { total: 8, perDestination: 2 })).toEqual([]);
    expect(q.isInflight('h1')).toBe(true);
    expect(['s1', 's2', 's3', 's4'].filter((id) => q.isInflight(id))).toEqual(['s1', 's2']);
  });

  it('when the total limit is reached, then nothing more starts, earliest due first', () => {
    const q = createDueQueue();
    q.set('late', 'a', 50);
    q.set('early', 'b', 5);
    q.set('future', 'c', 500);
    expect(q.ready(100, { total: 1, perDestination: 2 }).map((r) => r.id)).toEqual(['early']);
    expect(q.nextAt()).toBe(5);
  });

  it('when an attempt settles, even by failing, then it no longer counts against its destination', async () => {
    const q = createDueQueue();
    const failing = Promise.reject(new Error('boom'));
    failing.catch(() => undefined);
    q.track('d1', 'a', failing);
    await failing.catch(() => undefined);
    await Promise.resolve();
    expect(q.isInflight('d1')).toBe(false);
    expect(q.running()).toEqual([]);
  });
});
