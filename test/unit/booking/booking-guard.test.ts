import { describe, expect, it } from 'vitest';
import { createBookingGuard } from '../../../src/booking/booking-guard.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { serverSecretFrom } from '../../../src/lib/server-secret.js';

const secret = serverSecretFrom('k'.repeat(32));

function guardWith(limits: Record<string, number> = {}) {
  let t = Date.parse('2026-03-03T15:00:00.000Z');
  const config = parseConfig({ booking: { limits } });
  const guard = createBookingGuard({
    limits: config.booking.limits,
    secret,
    clock: () => new Date(t),
  });
  return { guard, advance: (ms: number) => void (t += ms), now: () => new Date(t) };
}

describe('booking limits per client', () => {
  it('when one IP books from many conversations, then it gets the daily limit and no more', () => {
    const { guard } = guardWith();
    const clientKey = guard.clientKey('198.51.100.7');
    const taken = Array.from({ length: 25 }, (_, i) => guard.take({ id: `c${i}`, clientKey }));
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(guard.take({ id: 'other', clientKey: guard.clientKey('203.0.113.9') })).toBe(true);
  });

  it('when a day has passed since the first bookings, then the client may book again, one by one', () => {
    const { guard, advance } = guardWith({ perIpPerDay: 2 });
    const clientKey = guard.clientKey('198.51.100.7');
    expect(guard.take({ id: 'a', clientKey })).toBe(true);
    advance(3_600_000);
    expect(guard.take({ id: 'b', clientKey })).toBe(true);
    expect(guard.take({ id: 'c', clientKey })).toBe(false);
    advance(86_400_000 - 3_600_000 + 1);
    expect(guard.take({ id: 'c', clientKey })).toBe(true);
    expect(guard.take({ id: 'd', clientKey })).toBe(false);
  });

  it('when one conversation cancels and books again and again, then it stops at its own limit', () => {
    const { guard } = guardWith();
    const taken = Array.from({ length: 6 }, () => guard.take({ id: 'same' }));
    expect(taken).toEqual([true, true, true, false, false, false]);
  });

  it('when a booking is given back (the slot was taken meanwhile), then it does not count', () => {
    const { guard } = guardWith({ perIpPerDay: 1 });
    const clientKey = guard.clientKey('198.51.100.7');
    expect(guard.take({ id: 'a', clientKey })).toBe(true);
    guard.giveBack({ id: 'a', clientKey });
    expect(guard.take({ id: 'b', clientKey })).toBe(true);
  });

  it('when one IP is offered times in many conversations, then only a few hold them at once', () => {
    const { guard, now, advance } = guardWith({ heldConversationsPerIp: 2 });
    const clientKey = guard.clientKey('198.51.100.7');
    const until = new Date(now().getTime() + 600_000);
    const held = ['a', 'b', 'c'].map((id) => guard.mayHold({ id, clientKey }, until));
    expect(held).toEqual([true, true, false]);
    expect(guard.mayHold({ id: 'a', clientKey }, until)).toBe(true);
    guard.released({ id: 'a', clientKey });
    expect(guard.mayHold({ id: 'c', clientKey }, until)).toBe(true);
    advance(600_001);
    expect(guard.mayHold({ id: 'd', clientKey }, new Date(now().getTime() + 600_000))).toBe(true);
  });

  it('the key is a keyed hash: never the IP, the same for the same IP', () => {
    const { guard } = guardWith();
    const key = guard.clientKey('198.51.100.7');
    expect(key).not.toContain('198.51');
    expect(guard.clientKey('198.51.100.7')).toBe(key);
    expect(guard.clientKey('198.51.100.8')).not.toBe(key);
  });
});
