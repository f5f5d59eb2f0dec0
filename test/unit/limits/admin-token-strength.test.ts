import { describe, expect, it } from 'vitest';
import { adminTokenWarning } from '../../../src/server/limits/admin-token-strength.js';

describe('a weak ADMIN_TOKEN at start', () => {
  it.each([
    ['no token (admin routes off)', null, false],
    ['a word', 'secret', true],
    ['23 random characters', 'k3P9vQ2xLm7RtY4wZc8NbH5', true],
    ['24 characters, all the same', 'a'.repeat(24), true],
    ['a repeated short pattern', '123123123123123123123123', true],
    [
      '48 hex characters (openssl rand -hex 24)',
      '9f1c2e7a4b8d03f6e5a1c9b7d2f40e8a6c3b1d9e7f5a2c04',
      false,
    ],
  ])('when it is %s, then a warning: %s', (_case, token, warned) => {
    const warning = adminTokenWarning(token);
    expect(warning !== null).toBe(warned);
    if (token !== null && warning !== null) expect(warning).not.toContain(token);
  });
});
