import { describe, expect, it } from 'vitest';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';

const MIA = 'mia@beacon.example';
const ANA = 'ana@beacon.example';
const ROOT = 'root@beacon.example';
const HOSTILE = '</textarea><img src=x onerror=alert(1)>';

async function pagesBed() {
  const bed = await liveConsoleBed(
    [
      await consoleUser(MIA, 'marketer', 'Mia Marketer'),
      await consoleUser(ANA, 'rep'),
      await consoleUser(ROOT, 'admin', 'Ria Admin'),
    ],
    {},
    { templates: {} },
  );
  const url = bed.server.url;
  const page = async (cookie: string | null, path: string) => {
    const res = await fetch(`${url}${path}`, {
      headers: cookie ? { cookie } : {},
      redirect: 'manual',
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };
  const csrfOf = async (cookie: string) =>
    /name="_csrf" value="([^"]+)"/.exec((await page(cookie, '/console')).html)?.[1] ?? '';
  const publish = async (cookie: string, name: string, source: string, note: string) => {
    const res = await fetch(`${url}/console/api/templates/${name}/versions`, {
      method: 'POST',
      headers: {
        origin: url,
        cookie,
        'content-type': 'application/json',
        'x-csrf-token': await csrfOf(cookie),
      },
      body: JSON.stringify({ source, note }),
    });
    return res.status;
  };
  return { bed, page, publish };
}

describe('the templates pages', () => {
  it('lists every template with its live version, publisher and experiment ("none")', async () => {
    const { bed, page, publish } = await pagesBed();
    const mia = await bed.signIn(MIA);
    expect(await publish(mia, 'greeting', 'Hello from {{company}}!', 'shorter')).toBe(201);
    const list = await page(mia, '/console/templates');
    expect(list.status).toBe(200);
    const row = (name: string) =>
      new RegExp(`<tr data-template="${name}">[\\s\\S]*?</tr>`).exec(list.html)?.[0] ?? '';
    expect(row('greeting')).toContain('v2');
    expect(row('greeting')).toContain(`by ${MIA}`);
    expect(row('greeting')).toContain('<td class="experiment">none</td>');
    expect(row('ask-budget')).toContain('shipped file');
    expect(row('ask-budget')).toContain('href="/console/templates/ask-budget"');
    expect(list.html).toMatch(/<nav class="console-nav"[^>]*>.*href="\/console\/templates"/);
  });

  it('opens the editor with the live text, the versions, the experiment link and the chat preview section', async () => {
    const { bed, page } = await pagesBed();
    const editor = await page(await bed.signIn(ROOT), '/console/templates/ask-budget');
    expect(editor.status).toBe(200);
    expect(editor.html).toContain('Have you set aside a budget for this?');
    expect(editor.html).toContain(
      '<section id="chat-preview" data-template="ask-budget"></section>',
    );
    expect(editor.html).toContain('href="/console/templates/ask-budget/experiment"');
    expect(editor.html).toMatch(/template-editor\.js[\s\S]*chat-preview\.js/);
    expect(editor.html).toMatch(/<tr data-version="1" class="is-live">/);
  });

  it('escapes template text and notes: a hostile published version stays text', async () => {
    const { bed, page, publish } = await pagesBed();
    const mia = await bed.signIn(MIA);
    expect(await publish(mia, 'greeting', `Hi! ${HOSTILE}`, HOSTILE)).toBe(201);
    const editor = await page(mia, '/console/templates/greeting');
    expect(editor.html).not.toContain('<img src=x');
    expect(editor.html).toContain('&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each([
    ['the list', '/console/templates'],
    ['an editor', '/console/templates/ask-budget'],
  ])('refuses %s to reps (403) and sends anonymous visitors to sign in', async (_what, path) => {
    const { bed, page } = await pagesBed();
    const rep = await page(await bed.signIn(ANA), path);
    expect(rep.status).toBe(403);
    expect(rep.html).not.toContain('Have you set aside');
    const anonymous = await page(null, path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/console/login?next=${encodeURIComponent(path)}`);
  });

  it.each([
    ['publish', '/console/api/templates/greeting/versions', { source: 'Hi there!', note: '' }],
    ['rollback', '/console/api/templates/greeting/rollback', { version: 1 }],
  ])('refuses a %s without the CSRF token and changes nothing', async (_what, route, body) => {
    const { bed, page, publish } = await pagesBed();
    const mia = await bed.signIn(MIA);
    expect(await publish(mia, 'greeting', 'Hello from {{company}}!', 'v2')).toBe(201);
    const res = await fetch(`${bed.server.url}${route}`, {
      method: 'POST',
      headers: { origin: bed.server.url, cookie: mia, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(403);
    const editor = await page(mia, '/console/templates/greeting');
    expect(editor.html).toMatch(/<tr data-version="2" class="is-live">/);
    expect(editor.html).not.toContain('data-version="3"');
  });

  it('answers an unknown template with a 404 page', async () => {
    const { bed, page } = await pagesBed();
    const res = await page(await bed.signIn(MIA), '/console/templates/%3Cscript%3E');
    expect(res.status).toBe(404);
    expect(res.html).not.toContain('<script>');
  });

  it('shows the Templates link to marketers and admins only', async () => {
    const { bed, page } = await pagesBed();
    const link = 'href="/console/templates"';
    expect((await page(await bed.signIn(MIA), '/console')).html).toContain(link);
    expect((await page(await bed.signIn(ROOT), '/console')).html).toContain(link);
    expect((await page(await bed.signIn(ANA), '/console')).html).not.toContain(link);
  });

  it('serves the editor script bundle', async () => {
    const { bed } = await pagesBed();
    const res = await fetch(`${bed.server.url}/console/assets/template-editor.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('leadbot:draft');
  });
});
