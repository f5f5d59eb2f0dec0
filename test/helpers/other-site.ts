import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/**
 * Another origin (another port of the loopback address) serving `html`, as an attacker's site
 * would; closed after the test. Resolves with its origin.
 *
 * @example const attacker = await otherSite('<form method="post" action="..."></form>');
 */
export async function otherSite(html: string): Promise<string> {
  const site = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(html),
  );
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
  });
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}
