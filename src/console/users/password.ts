import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/** The shortest password the console accepts. */
export const MIN_PASSWORD_LENGTH = 12;

/** A password as the console accepts it: 12 to 256 characters. */
export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'a password may have at most 256 characters');

/** scrypt's cost: N = 2^15 (32 MiB of memory per hash with r = 8), r = 8, p = 1. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function derive(password: string, salt: Buffer, bytes: number, o: ScryptOptions): Promise<Buffer> {
  const N = o.N ?? SCRYPT_PARAMS.N;
  const r = o.r ?? SCRYPT_PARAMS.r;
  const maxmem = 256 * N * r; // twice what scrypt needs, so the default 32 MiB cap never refuses
  return new Promise((resolve, reject) =>
    scrypt(password, salt, bytes, { ...o, maxmem }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/**
 * The stored form of `password`: `scrypt$N=32768,r=8,p=1$<salt>$<key>` (base64), with a random
 * 16-byte salt, so a later change of cost still verifies the hashes made before it.
 *
 * @example const passwordHash = await hashPassword('correct horse battery');
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_BYTES, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Whether `password` is the one `stored` was made from (compared in constant time). A stored
 * string that is not a hash of this format, or asks for an absurd cost, never matches.
 *
 * @example if (!(await verifyPassword(input, user.passwordHash))) refuse();
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (m === null) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16)
    return false;
  const salt = Buffer.from(m[4] ?? '', 'base64');
  const expected = Buffer.from(m[5] ?? '', 'base64');
  if (expected.length < 16) return false;
  const key = await derive(password, salt, expected.length, { N, r, p });
  return timingSafeEqual(key, expected);
}

/** A hash of nothing, checked against for an unknown email so it takes as long as a wrong password. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/**
 * A fresh password for a new or reset user: 20 characters from an alphabet without look-alikes.
 *
 * @example generatePassword() // 'k7Qm...'
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
