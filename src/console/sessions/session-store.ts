import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One signed-in browser. Its id is only in the cookie; the store keeps its SHA-256. */
export type ConsoleSession = {
  email: string;
  /** A digest of the password hash at sign-in: a password reset ends the sessions before it. */
  credential: string;
  /** The token every state-changing request of this session must carry. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
};

export type SessionStore = {
  /** Starts a session for `email`; the id (64 hex characters, 256 bits) goes in the cookie. */
  create(email: string, passwordHash: string): { id: string; session: ConsoleSession };
  /**
   * The live session of cookie value `id`, its lastSeenAt moved to now (unless `refresh` is
   * false: a server-side re-check is no use of the session); null once idle too long.
   */
  touch(id: string, refresh?: boolean): ConsoleSession | null;
  /** Ends one session (logout). */
  revoke(id: string): void;
  /** Ends every session of `email`; how many there were. */
  revokeUser(email: string): number;
};

const hashId = (id: string): string => createHash('sha256').update(id).digest('hex');

/** The digest a session keeps of its user's password hash, to notice a reset. */
export const credentialOf = (passwordHash: string): string =>
  createHash('sha256').update(`console-credential:${passwordHash}`).digest('hex');

/**
 * Console sessions in this process's memory (a restart signs everyone out). A session unused
 * for `idleMinutes` ends; the store never returns it again.
 *
 * @example const sessions = createSessionStore({ idleMinutes: 480, clock: () => new Date() });
 */
export function createSessionStore(opts: { idleMinutes: number; clock: () => Date }): SessionStore {
  const byHash = new Map<string, ConsoleSession>();
  const idleMs = opts.idleMinutes * 60_000;
  const sweep = (now: number): void => {
    for (const [key, s] of byHash) if (now - Date.parse(s.lastSeenAt) > idleMs) byHash.delete(key);
  };
  return {
    create(email, passwordHash) {
      const now = opts.clock();
      sweep(now.getTime());
      const id = randomBytes(32).toString('hex');
      const at = now.toISOString();
      const session = {
        email,
        credential: credentialOf(passwordHash),
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: at,
        lastSeenAt: at,
      };
      byHash.set(hashId(id), session);
      return { id, session };
    },
    touch(id, refresh = true) {
      if (!/^[0-9a-f]{64}$/.test(id)) return null;
      const key = hashId(id);
      const session = byHash.get(key);
      if (session === undefined) return null;
      const now = opts.clock();
      if (now.getTime() - Date.parse(session.lastSeenAt) > idleMs) {
        byHash.delete(key);
        return null;
      }
      if (refresh) session.lastSeenAt = now.toISOString();
      return session;
    },
    revoke(id) {
      byHash.delete(hashId(id));
    },
    revokeUser(email) {
      let n = 0;
      for (const [key, s] of byHash)
        if (s.email === email) {
          byHash.delete(key);
          n++;
        }
      return n;
    },
  };
}

/**
 * Whether `given` is the session's CSRF token (constant-time).
 *
 * @example if (!csrfMatches(session, req.get('x-csrf-token'))) refuse();
 */
export function csrfMatches(session: ConsoleSession, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
