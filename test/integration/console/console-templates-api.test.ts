import { readFileSync } from 'node:fs';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { testVisitor } from '../../helpers/test-visitor.js';

const MIA = 'mia@beacon.example';
const ROOT = 'root@beacon.example';
const ANA = 'ana@beacon.example';
const NEW_GREETING = 'Hello from {{company}}! What are you looking for today?';

async function studioBed() {
  const bed = await liveConsoleBed(
    [
      await consoleUser(MIA, 'marketer', 'Mia Marketer'),
      await consoleUser(ROOT, 'admin', 'Ria Admin'),
      await consoleUser(ANA, 'rep'),
    ],
    {},
    { templates: {} },
  );
  const url = bed.server.url;
  /** Signs in and reads the session's CSRF token off the console page, as its scripts would. */
  const session = async (email: string) => {
    const cookie = await bed.signIn(email);
    const page = await (await fetch(`${url}/console`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    return { cookie, csrf };
  };
  type Who = { cookie: string; csrf: string } | null;
  const get = async (who: Who, path: string) => {
    const res = await fetch(`${url}${path}`, {
      headers: who ? { cookie: who.cookie } : {},
      redirect: 'manual',
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const post = async (who: Who, path: string, body: unknown, opts: { csrf?: boolean } = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        origin: url,
        'content-type': 'application/json',
        ...(who ? { cookie: who.cookie } : {}),
        ...(who && opts.csrf !== false ? { 'x-csrf-token': who.csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith('{') ? JSON.parse(text) : null };
  };
  /** A new visitor's first agent message, and how it is stored. */
  const greet = async () => {
    const hello = await bed.deps.chatService.hello({ visitor: testVisitor() });
    const stored = await bed.deps.store.getConversation(hello.conversationId);
    return { text: hello.messages.at(-1)?.text, stored: stored?.messages.at(-1) };
  };
  return { bed, session, get, post, greet };
}

describe('the templates API under /console/api/templates', () => {
  it('publishes a wording a new visitor gets at once, records it on the message, and rolls it back', async () => {
    const { session, get, post, greet } = await studioBed();
    const mia = await session(MIA);
    const before = await greet();
    expect(before.stored).toMatchObject({ role: 'agent', template: 'greeting', version: 1 });

    const published = await post(mia, '/console/api/templates/greeting/versions', {
      source: NEW_GREETING,
      note: 'shorter greeting',
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, author: MIA, authorName: 'Mia Marketer' });
    const after = await greet();
    expect(after.text).toBe('Hello from Beacon! What are you looking for today?');
    expect(after.stored).toMatchObject({ template: 'greeting', version: 2 });

    const list = await get(mia, '/console/api/templates');
    expect(list.body.templates).toContainEqual(
      expect.objectContaining({ name: 'greeting', live: 2, author: MIA }),
    );
    const diff = await get(mia, '/console/api/templates/greeting/diff?from=1&to=2');
    expect(diff.body).toMatchObject({ from: 1, to: 2, added: 1 });

    const back = await post(mia, '/console/api/templates/greeting/rollback', { version: 1 });
    expect(back.body).toMatchObject({ version: 3, restoredFrom: 1 });
    const rolled = await greet();
    expect(rolled.text).toBe(before.text);
    expect(rolled.stored).toMatchObject({ template: 'greeting', version: 3 });

    const history = await get(mia, '/console/api/templates/greeting');
    expect(history.body).toMatchObject({ name: 'greeting', live: 3 });
    expect(history.body.versions).toEqual([
      expect.objectContaining({ version: 1, live: false }),
      expect.objectContaining({ version: 2, note: 'shorter greeting', live: false }),
      expect.objectContaining({ version: 3, note: 'rollback to version 1', live: true }),
    ]);
    const v2 = await get(mia, '/console/api/templates/greeting/versions/2');
    expect(v2.body.source).toBe(NEW_GREETING);
  });

  it('refuses a broken template with its problems, and the chat keeps the live wording', async () => {
    const { session, post, greet } = await studioBed();
    const mia = await session(MIA);
    const res = await post(mia, '/console/api/templates/greeting/versions', {
      source: 'Hi {{firstNam}}!\n{{#if firstName}}',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { code: 'TEMPLATE_INVALID' },
      problems: [
        expect.objectContaining({
          message: expect.stringContaining('not closed'),
          severity: 'error',
        }),
      ],
    });
    expect((await greet()).stored).toMatchObject({ version: 1 });
  });

  it('refuses a wording whose quick reply the agent cannot read back, naming the reply', async () => {
    const { session, post } = await studioBed();
    const mia = await session(MIA);
    const live = readFileSync(path.join(PROMPTS_DIR, 'ask-timeline.hbs'), 'utf8');
    const source = live.replace('value: Within the next 6 months', 'value: Whenever it suits us');
    const res = await post(mia, '/console/api/templates/ask-timeline/versions', { source });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      problems: [
        expect.objectContaining({ message: expect.stringContaining('Whenever it suits us') }),
      ],
    });
    const fixed = await post(mia, '/console/api/templates/ask-timeline/versions', { source: live });
    expect(fixed.status).toBe(201);
  });

  it.each([
    ['an unknown template', '/console/api/templates/nope/versions', { source: 'x' }, 400],
    ['no source', '/console/api/templates/greeting/versions', { note: 'x' }, 400],
    ['an unknown field', '/console/api/templates/greeting/versions', { source: 'x', at: 1 }, 400],
    [
      'a version that is not there',
      '/console/api/templates/greeting/rollback',
      { version: 7 },
      404,
    ],
    [
      'a text too long',
      '/console/api/templates/greeting/versions',
      { source: 'x'.repeat(16_001) },
      400,
    ],
  ])('answers %s with a clear error and changes nothing', async (_what, path, body, status) => {
    const { session, post, get } = await studioBed();
    const root = await session(ROOT);
    const res = await post(root, path, body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { message: expect.any(String) } });
    expect((await get(root, '/console/api/templates/greeting')).body).toMatchObject({ live: 1 });
  });

  it('is closed to a rep (403) and to anyone not signed in (401), reads and writes alike', async () => {
    const { session, get, post } = await studioBed();
    const ana = await session(ANA);
    for (const who of [ana, null]) {
      const status = who ? 403 : 401;
      expect((await get(who, '/console/api/templates')).status).toBe(status);
      expect((await get(who, '/console/api/templates/greeting/versions/1')).status).toBe(status);
      expect(
        (await post(who, '/console/api/templates/greeting/versions', { source: NEW_GREETING }))
          .status,
      ).toBe(status);
      expect(
        (await post(who, '/console/api/templates/greeting/rollback', { version: 1 })).status,
      ).toBe(status);
    }
    const root = await session(ROOT);
    expect((await get(root, '/console/api/templates')).body).toMatchObject({
      templates: expect.any(Array),
    });
    expect((await get(root, '/console/api/templates/greeting')).body).toMatchObject({ live: 1 });
  });

  it('refuses a write without the CSRF token and publishes nothing', async () => {
    const { session, get, post, greet } = await studioBed();
    const mia = await session(MIA);
    const res = await post(
      mia,
      '/console/api/templates/greeting/versions',
      { source: NEW_GREETING },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect((await get(mia, '/console/api/templates/greeting')).body).toMatchObject({ live: 1 });
    expect((await greet()).stored).toMatchObject({ version: 1 });
  });
});
