import { describe, expect, it } from 'vitest';
import { createSessionStore, csrfMatches } from '../../../src/console/sessions/session-store.js';

function clockAt(iso: string) {
  let now = Date.parse(iso);
  return { clock: () => new Date(now), advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('console sessions', () => {
  it('gives a 256-bit id that finds the session, and only that id', () => {
    const { clock } = clockAt('2026-12-07T09:00:00Z');
    const sessions = createSessionStore({ idleMinutes: 480, clock });
    const { id, session } = sessions.create('ana@beacon.example', 'scrypt$h');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions.touch(id)).toEqual(session);
    expect(sessions.touch(id.replace(/.$/, id.endsWith('0') ? '1' : '0'))).toBeNull();
    expect(sessions.touch('not an id')).toBeNull();
  });

  it('ends a session idle for longer than the setting, not one in use', () => {
    const t = clockAt('2026-12-07T09:00:00Z');
    const sessions = createSessionStore({ idleMinutes: 480, clock: t.clock });
    const busy = sessions.create('ana@beacon.example', 'scrypt$h').id;
    const idle = sessions.create('bo@beacon.example', 'scrypt$h').id;
    t.advance(300);
    expect(sessions.touch(busy)?.lastSeenAt).toBe('2026-12-07T14:00:00.000Z');
    t.advance(200);
    expect(sessions.touch(busy)).not.toBeNull();
    expect(sessions.touch(idle)).toBeNull();
  });

  it('revokes one session, or every session of a user', () => {
    const { clock } = clockAt('2026-12-07T09:00:00Z');
    const sessions = createSessionStore({ idleMinutes: 480, clock });
    const a1 = sessions.create('ana@beacon.example', 'scrypt$h').id;
    const a2 = sessions.create('ana@beacon.example', 'scrypt$h').id;
    const b = sessions.create('bo@beacon.example', 'scrypt$h').id;
    sessions.revoke(a1);
    expect(sessions.touch(a1)).toBeNull();
    expect(sessions.revokeUser('ana@beacon.example')).toBe(1);
    expect(sessions.touch(a2)).toBeNull();
    expect(sessions.touch(b)).not.toBeNull();
  });

  it('accepts only the session’s own CSRF token', () => {
    const { clock } = clockAt('2026-12-07T09:00:00Z');
    const sessions = createSessionStore({ idleMinutes: 480, clock });
    const { session } = sessions.create('ana@beacon.example', 'scrypt$h');
    const other = sessions.create('bo@beacon.example', 'scrypt$h').session;
    expect(csrfMatches(session, session.csrfToken)).toBe(true);
    expect(csrfMatches(session, other.csrfToken)).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
    expect(csrfMatches(session, '')).toBe(false);
  });
});
