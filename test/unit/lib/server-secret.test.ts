import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerSecret, serverSecretFrom } from '../../../src/lib/server-secret.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

describe('server secret', () => {
  it('signs per purpose: a signature verifies only its own value and purpose', () => {
    const secret = serverSecretFrom('k'.repeat(40));
    const sig = secret.sign('booking', 'meeting-1');
    expect(secret.verify('booking', 'meeting-1', sig)).toBe(true);
    expect(secret.verify('booking', 'meeting-2', sig)).toBe(false);
    expect(secret.verify('confirm', 'meeting-1', sig)).toBe(false);
    expect(secret.verify('booking', 'meeting-1', `${sig}x`)).toBe(false);
    expect(serverSecretFrom('o'.repeat(40)).verify('booking', 'meeting-1', sig)).toBe(false);
  });

  it('is created once in the data folder, private to its owner, and the same on the next load', () => {
    const { dir } = tempDirForTest();
    const first = loadServerSecret(dir);
    const file = path.join(dir, 'server-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const again = loadServerSecret(dir);
    expect(again.verify('p', 'v', first.sign('p', 'v'))).toBe(true);
    expect(again.hash('ip', '10.0.0.1')).toBe(first.hash('ip', '10.0.0.1'));
  });

  it('takes LEADBOT_SECRET over the file and refuses a short one', () => {
    const { dir } = tempDirForTest();
    const env = { LEADBOT_SECRET: 's'.repeat(32) };
    expect(loadServerSecret(dir, env).sign('p', 'v')).toBe(
      serverSecretFrom('s'.repeat(32)).sign('p', 'v'),
    );
    expect(() => loadServerSecret(dir, { LEADBOT_SECRET: 'short' })).toThrow(/at least 32/);
  });
});
