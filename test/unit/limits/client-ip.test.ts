import { describe, expect, it } from 'vitest';
import { clientIp } from '../../../src/server/limits/client-ip.js';

describe('the client IP', () => {
  it.each([
    ['no proxy: the socket address', '10.0.0.5', undefined, false, '10.0.0.5'],
    ['no proxy: a forged header is ignored', '10.0.0.5', '6.6.6.6', false, '10.0.0.5'],
    ['IPv4 written as IPv6', '::ffff:127.0.0.1', undefined, false, '127.0.0.1'],
    ['IPv6', '2001:db8::7', undefined, false, '2001:db8::7'],
    ['behind a proxy: the entry the proxy added', '10.0.0.1', '203.0.113.9', true, '203.0.113.9'],
    [
      'behind a proxy: what the client wrote first proves nothing',
      '10.0.0.1',
      '6.6.6.6, 203.0.113.9',
      true,
      '203.0.113.9',
    ],
    [
      'behind a proxy: repeated headers',
      '10.0.0.1',
      ['6.6.6.6', '203.0.113.9'],
      true,
      '203.0.113.9',
    ],
    ['behind a proxy: no header, the socket address', '10.0.0.1', undefined, true, '10.0.0.1'],
    ['behind a proxy: garbage, the socket address', '10.0.0.1', 'not-an-ip', true, '10.0.0.1'],
    ['no address at all', undefined, undefined, false, 'unknown'],
  ])('%s', (_case, address, forwardedFor, trustProxy, ip) => {
    expect(clientIp({ address, forwardedFor }, trustProxy)).toBe(ip);
  });
});
