import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  PasswordSchema,
  verifyPassword,
} from '../../../src/console/users/password.js';

describe('console passwords', () => {
  it('stores scrypt with its parameters and a random salt, and verifies only the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it.each([
    ['not a hash', 'plain text'],
    [
      'an absurd cost',
      'scrypt$N=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==',
    ],
    ['a cost that is not a power of two', 'scrypt$N=1000,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAA=='],
    ['a short key', 'scrypt$N=16384,r=8,p=1$AAAA$AAAA'],
  ])('never matches %s', async (_what, stored) => {
    expect(await verifyPassword('correct horse battery', stored)).toBe(false);
  });

  it.each([
    ['11 characters', 'a'.repeat(11), false],
    ['12 characters', 'a'.repeat(12), true],
    ['257 characters', 'a'.repeat(257), false],
  ])('accepts a password of %s: %s', (_what, password, ok) => {
    expect(PasswordSchema.safeParse(password).success).toBe(ok);
  });

  it('generates passwords long enough to be accepted, each different', () => {
    const a = generatePassword();
    expect(PasswordSchema.safeParse(a).success).toBe(true);
    expect(generatePassword()).not.toBe(a);
  });
});
