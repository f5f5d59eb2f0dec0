import { otherSite } from '../helpers/other-site.js';
import { expect } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createMemoryUserStore } from '../../src/console/users/memory-user-store.js';
import { createConsoleRouter } from '../../src/server/console-router.js';
import { createInboxRouter } from '../../src/server/inbox-router.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { consoleUser, PASSWORD } from '../helpers/console-test-bed.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { describeInChromium, widgetTest as it, type Recorder } from '../helpers/widget-test.js';

async function consoleServer(recorder: { chatService: Recorder['chatService'] }) {
  const config = parseConfig({});
  const users = createMemoryUserStore([await consoleUser('ana@beacon.example', 'rep', 'Ana Lima')]);
  const logger = { warn: () => undefined, error: () => undefined };
  const consoleUi = createConsoleRouter({ users, config, logger });
  const inbox = createInboxRouter({
    store: createMemoryStore(),
    config,
    consoleUi,
    adminToken: null,
  });
  return closeAfterTest(
    await startTestServer({
      chatService: recorder.chatService,
      config,
      routers: [inbox, consoleUi.router],
    }),
  );
}

describeInChromium('the rep console in a browser', () => {
  it('a rep opening /console signs in through the form and lands on /console with their name; another site cannot sign them out', async ({
    page,
    recorder,
  }) => {
    const server = await consoleServer(recorder);
    await page.goto(`${server.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('Email').fill('ana@beacon.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as Ana Lima').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console');

    const attacker = await otherSite(`<!doctype html><html><body>
<form id="f" method="post" action="${server.url}/console/logout"><input name="_csrf" value="guess"></form>
<script>document.getElementById('f').submit();</script>
</body></html>`);
    const answered = page.waitForResponse((r) => r.url().endsWith('/console/logout'));
    await page.goto(`${attacker}/`);
    expect((await answered).status()).toBe(403);
    await page.goto(`${server.url}/console`);
    await page.getByText('Signed in as Ana Lima').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await page.goto(`${server.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
  });
});
