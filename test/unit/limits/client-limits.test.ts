import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LimitsSchema } from '../../../src/config/limits-schema.js';
import { createClientLimits } from '../../../src/server/limits/client-limits.js';

// rate-limiter-flexible reads Date.now and forgets keys with setTimeout: the fake clock drives both.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const limits = (raw: Record<string, unknown>) => createClientLimits(LimitsSchema.parse(raw));
async function oks(n: number, take: () => Promise<{ ok: boolean }>): Promise<number> {
  let passed = 0;
  for (let i = 0; i < n; i++) if ((await take()).ok) passed++;
  return passed;
}

describe('limits per client', () => {
  it('when a conversation sends past its budget, then it is refused until the window ends', async () => {
    const l = limits({ messagesPerConversation: { max: 20, windowSeconds: 60 } });
    expect(await oks(25, () => l.message('c-1'))).toBe(20);
    expect(await l.message('c-1')).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect((await l.message('c-2')).ok).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect((await l.message('c-1')).ok).toBe(true);
  });

  it('when one IP opens sockets past its cap, then the extra ones are refused and a closed one frees a place', async () => {
    const l = limits({ connectionsPerIp: 3 });
    expect(await oks(10, () => l.openConnection('1.2.3.4'))).toBe(3);
    expect((await l.openConnection('5.6.7.8')).ok).toBe(true);
    l.closeConnection('1.2.3.4');
    await vi.advanceTimersByTimeAsync(0);
    expect((await l.openConnection('1.2.3.4')).ok).toBe(true);
    expect((await l.openConnection('1.2.3.4')).ok).toBe(false);
  });

  it('when sockets stay open for hours, then they still count (open sockets do not expire)', async () => {
    const l = limits({ connectionsPerIp: 2 });
    expect(await oks(2, () => l.openConnection('1.2.3.4'))).toBe(2);
    vi.advanceTimersByTime(6 * 3_600_000);
    expect((await l.openConnection('1.2.3.4')).ok).toBe(false);
  });

  it('when a hello with an unknown id starts a conversation, then it counts as a new one', async () => {
    const l = limits({ newConversationsPerIp: { max: 2, windowSeconds: 600 } });
    expect((await l.newConversation('1.2.3.4')).ok).toBe(true);
    l.countNewConversation('1.2.3.4');
    await vi.advanceTimersByTimeAsync(0);
    expect((await l.newConversation('1.2.3.4')).ok).toBe(false);
    expect((await l.resume('1.2.3.4')).ok).toBe(true);
  });
});
