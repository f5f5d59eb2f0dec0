import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/load-config.js';
import { maxFrameBytes } from '../../../src/server/limits/frame-bytes.js';

const frame = (event: string, payload: unknown): number =>
  Buffer.byteLength(`42${JSON.stringify([event, payload])}`) + 8;

describe('the largest frame socket.io accepts', () => {
  const config = defaultConfig();
  const limit = maxFrameBytes(config);

  it.each([
    [
      'a message of 2,000 family emoji',
      frame('visitor:message', { clientId: 'c'.repeat(128), text: '👨‍👩‍👧‍👦'.repeat(2000) }),
    ],
    [
      'a message of 2,000 control characters (escaped by JSON)',
      frame('visitor:message', { clientId: 'c', text: '\u0001'.repeat(2000) }),
    ],
    [
      'a hello at every visitor cap',
      frame('session:hello', {
        sessionId: 's'.repeat(128),
        visitor: {
          timezone: 'America/Argentina/ComodRivadavia',
          locale: 'l'.repeat(35),
          page: '\u0001'.repeat(2048),
          referrer: '\u0001'.repeat(2048),
          utm: Object.fromEntries(
            Array.from({ length: 20 }, (_, i) => [
              `${i}`.padStart(64, '\u0001'),
              '\u0001'.repeat(256),
            ]),
          ),
        },
      }),
    ],
  ])('when the payload is %s, then it fits', (_case, bytes) => {
    expect(bytes).toBeLessThanOrEqual(limit);
  });

  it('when a hello carries 2,900 UTM keys (the 950 KB attack), then it is far over', () => {
    expect(limit).toBeLessThan(100_000);
  });
});
