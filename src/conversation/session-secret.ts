import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The visitor's resume token (DESIGN.md "Socket protocol"): `<conversationId>.<verifier>`, a
 * selector and a verifier. The conversation id finds the conversation without an index on any
 * store; the verifier (24 random bytes, 192 bits, base64url) is the secret, and the
 * conversation keeps only its SHA-256 (`sessionHash`). A slow, salted hash is not needed: the
 * verifier is random and long, not a password someone chose.
 */
export type SessionSecret = { secret: string; hash: string };

const VERIFIER_BYTES = 24;
const VERIFIER = /^[A-Za-z0-9_-]{32}$/;

const sha256 = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

/**
 * A new resume token for a conversation, and the hash to store with it.
 *
 * @example const { secret, hash } = newSessionSecret('c1'); // secret "c1.Xq3...", hash stored
 */
export function newSessionSecret(
  conversationId: string,
  random: (bytes: number) => Buffer = randomBytes,
): SessionSecret {
  const verifier = random(VERIFIER_BYTES).toString('base64url');
  return { secret: `${conversationId}.${verifier}`, hash: sha256(verifier) };
}

/**
 * The two parts of a token the widget sent, or null when it is not of the token's form (a bare
 * conversation id, for instance).
 *
 * @example splitSessionSecret('c1.Xq3...') // { conversationId: 'c1', verifier: 'Xq3...' }
 */
export function splitSessionSecret(
  value: string,
): { conversationId: string; verifier: string } | null {
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return null;
  const verifier = value.slice(dot + 1);
  return VERIFIER.test(verifier) ? { conversationId: value.slice(0, dot), verifier } : null;
}

/**
 * True when `verifier` is the one whose hash was stored; compared in constant time.
 *
 * @example verifiesSession(verifier, conversation.sessionHash)
 */
export function verifiesSession(verifier: string, hash: string | undefined): boolean {
  if (hash === undefined) return false;
  const want = Buffer.from(hash);
  const got = Buffer.from(sha256(verifier));
  return got.length === want.length && timingSafeEqual(got, want);
}
