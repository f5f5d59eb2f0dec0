import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepDesk } from '../../../src/console/live/rep-desk.js';

afterEach(() => void vi.useRealTimers());

describe('the rep desk (who answers a request for a person, and the wait for them)', () => {
  it.each([
    [['rep'], true],
    [['admin'], true],
    [['marketer'], false],
    [[], false],
  ] as const)('when the console has sockets of %o, then a rep is online: %s', (roles, online) => {
    const desk = createRepDesk({ joinTimeoutSeconds: 120 });
    for (const role of roles) desk.connected(role);
    expect(desk.online()).toBe(online);
  });

  it('when the last rep socket closes (even reported twice), then nobody is online', () => {
    const desk = createRepDesk({ joinTimeoutSeconds: 120 });
    const one = desk.connected('rep');
    const two = desk.connected('rep');
    one();
    one();
    expect(desk.online()).toBe(true);
    two();
    expect(desk.online()).toBe(false);
  });

  it('when nobody joins in time, then the timeout fires once; a join or a stop cancels it', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    const desk = createRepDesk({ joinTimeoutSeconds: 120 });
    desk.onTimeout((id) => fired.push(id));
    desk.awaited('c-1');
    desk.awaited('c-2');
    desk.awaited('c-3');
    desk.joined('c-2');
    vi.advanceTimersByTime(119_000);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['c-1', 'c-3']);
    expect(desk.waiting('c-1')).toBe(false);
    desk.awaited('c-4');
    desk.stop();
    vi.advanceTimersByTime(200_000);
    expect(fired).toEqual(['c-1', 'c-3']);
  });

  it('a wait never keeps a stopping process alive (its timer is unreferenced)', () => {
    const seen: NodeJS.Timeout[] = [];
    const real = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms: number,
    ) => {
      const t = real(fn, ms);
      seen.push(t);
      return t;
    }) as typeof setTimeout);
    const desk = createRepDesk({ joinTimeoutSeconds: 120 });
    desk.awaited('c-1');
    spy.mockRestore();
    expect(seen.map((t) => t.hasRef())).toEqual([false]);
    desk.stop();
  });
});
