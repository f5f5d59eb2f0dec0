import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { isOriginAllowed, ownOrigins } from '../../src/server/origin-policy.js';
import { realHarness } from '../helpers/chat-harness.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient } from '../helpers/socket-client.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

async function serve(allowedOrigins: string[]): Promise<TestServer> {
  return closeAfterTest(
    await startTestServer({
      chatService: realHarness().chatService,
      config: { server: { allowedOrigins } },
    }),
  );
}

/** Connects with a browser's Origin header; resolves to whether the server let it in. */
async function connects(url: string, origin?: string): Promise<boolean> {
  try {
    const socket = await connectClient(url, origin === undefined ? {} : { origin });
    socket.close();
    return true;
  } catch {
    return false;
  }
}

describe('the origin allowlist (ALLOWED_ORIGINS)', () => {
  it.each([
    ['a listed site', ['https://www.halden.example'], 'https://www.halden.example', true],
    [
      'a listed site written with a trailing slash in the config',
      ['https://www.halden.example/'],
      'https://www.halden.example',
      true,
    ],
    ['a site not on the list', ['https://www.halden.example'], 'https://copycat.example', false],
    [
      'the same host over another scheme',
      ['https://www.halden.example'],
      'http://www.halden.example',
      false,
    ],
    ['a sandboxed page (Origin: null)', ['https://www.halden.example'], 'null', false],
    ['any site when the list says *', ['*'], 'https://anyone.example', true],
    ['a cross-site page when the list is empty', [], 'https://www.halden.example', false],
  ])('when %s opens a socket, then it is allowed: %s', async (_case, allowed, origin, expected) => {
    const { url } = await serve(allowed);
    expect(await connects(url, origin)).toBe(expected);
  });

  it('when the demo page on the server itself opens a socket, then it is allowed with an empty list', async () => {
    const { url } = await serve([]);
    expect(await connects(url, url)).toBe(true);
  });

  it('when a client sends no Origin (a script, the bench), then it is allowed', async () => {
    const { url } = await serve([]);
    expect(await connects(url)).toBe(true);
  });

  it('when an allowed site falls back to long-polling, then the response carries its CORS header', async () => {
    const { url } = await serve(['https://www.halden.example']);
    const res = await request(url)
      .get('/socket.io/?EIO=4&transport=polling')
      .set('Origin', 'https://www.halden.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://www.halden.example');
  });

  it('when another site tries long-polling, then it is refused', async () => {
    const { url } = await serve(['https://www.halden.example']);
    const res = await request(url)
      .get('/socket.io/?EIO=4&transport=polling')
      .set('Origin', 'https://copycat.example');
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when any site loads /widget.js, then it is served: the script is public, the socket is what is guarded', async () => {
    const { url } = await serve(['https://www.halden.example']);
    const res = await request(url).get('/widget.js').set('Origin', 'https://copycat.example');
    expect(res.status).toBe(200);
  });

  it("when a page on an attacker's domain rebound to this server's address opens a socket (Host and Origin both evil.example), then it is refused", async () => {
    const { url } = await serve([]);
    expect(await connects(url, 'https://evil.example')).toBe(false);
    const res = await request(url)
      .get('/socket.io/?EIO=4&transport=polling')
      .set('Host', 'evil.example')
      .set('Origin', 'http://evil.example');
    expect(res.status).toBe(403);
  });

  it.each([
    [undefined, 'http://localhost:3000', true],
    ['http://localhost:3000', 'http://localhost:3000', true],
    ['http://LOCALHOST:3000', 'http://localhost:3000', true],
    ['http://127.0.0.1:3000', 'http://localhost:3000', true],
    ['http://[::1]:3000', 'http://localhost:3000', true],
    ['http://localhost:3001', 'http://localhost:3000', false],
    ['https://localhost:3000', 'http://localhost:3000', false],
    ['http://evil.example:3000', 'http://localhost:3000', false],
    ['https://chat.beacon.example', 'https://chat.beacon.example', true],
    ['http://localhost', 'https://chat.beacon.example', false],
    ['https://evil.example', 'https://chat.beacon.example', false],
    ['null', 'https://chat.beacon.example', false],
    ['not a url', 'http://localhost:3000', false],
  ])(
    'isOriginAllowed(%s) with PUBLIC_URL %s and an empty list is %s',
    (origin, publicUrl, expected) => {
      expect(isOriginAllowed(origin, [], ownOrigins(publicUrl, 3000))).toBe(expected);
    },
  );
});
