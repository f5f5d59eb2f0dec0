import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  newSessionSecret,
  splitSessionSecret,
  verifiesSession,
} from '../../../src/conversation/session-secret.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import { makeConversation } from '../../helpers/make-conversation.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

describe('the resume token', () => {
  it('when a token is made, then it is the id, a dot and 192 random bits, and only its hash verifies it', () => {
    const { secret, hash } = newSessionSecret('c-1');
    const parts = splitSessionSecret(secret);
    expect(parts?.conversationId).toBe('c-1');
    expect(parts?.verifier).toMatch(/^[\w-]{32}$/);
    expect(hash).not.toContain(parts?.verifier ?? '');
    expect(verifiesSession(parts?.verifier ?? '', hash)).toBe(true);
    expect(newSessionSecret('c-1').secret).not.toBe(secret);
  });

  it.each([
    ['a bare conversation id', 'c-1'],
    ['an empty verifier', 'c-1.'],
    ['a short verifier', 'c-1.abc'],
    ['no id', `.${'A'.repeat(32)}`],
    ['a verifier with other characters', `c-1.${'A'.repeat(31)}!`],
  ])('when the value is %s, then it is not a token', (_case, value) => {
    expect(splitSessionSecret(value)).toBeNull();
  });

  it.each([
    ['another verifier', 'B'.repeat(32)],
    ['no stored hash', undefined],
  ])('when checked against %s, then it does not verify', (_case, other) => {
    const { secret, hash } = newSessionSecret('c-1');
    const verifier = splitSessionSecret(secret)?.verifier ?? '';
    expect(
      other === undefined ? verifiesSession(verifier, undefined) : verifiesSession(other, hash),
    ).toBe(false);
  });

  it('when a conversation with a token is saved to the data folder and read back, then the hash is kept and the token is nowhere on disk', async () => {
    const dataDir = tempDirForTest('leadbot-token-').dir;
    const { secret, hash } = newSessionSecret('c-tok');
    const store = await createLowdbStore({ dataDir });
    await store.saveConversation({ ...makeConversation({ id: 'c-tok' }), sessionHash: hash });
    await store.close();
    const again = await createLowdbStore({ dataDir });
    expect((await again.getConversation('c-tok'))?.sessionHash).toBe(hash);
    await again.close();
    const verifier = splitSessionSecret(secret)?.verifier ?? '';
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => readFileSync(path.join(f.parentPath, f.name), 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    for (const text of files) expect(text).not.toContain(verifier);
  });
});
