import { describe, expect, it } from 'vitest';
import { ANA, experimentBed, MIA, ROOT } from '../../helpers/experiment-bed.js';
import { testVisitor } from '../../helpers/test-visitor.js';

const API = '/console/api/templates/greeting/experiment';
const V2 = 'Hello from {{company}}! What are you looking for today?';
const TWO = {
  variants: [
    { version: 1, weight: 1 },
    { version: 2, weight: 3 },
  ],
  goal: 'mql',
};

async function withVersion2() {
  const t = await experimentBed();
  const mia = await t.session(MIA);
  const res = await t.post(mia, '/console/api/templates/greeting/versions', {
    source: V2,
    note: 'v2',
  });
  expect(res.status).toBe(201);
  return { ...t, mia };
}

describe('the experiments API', () => {
  it('when a marketer starts an experiment, then the template list shows it and new visitors are split by it', async () => {
    const { bed, mia, post, get } = await withVersion2();
    const started = await post(mia, API, TWO);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      template: 'greeting',
      status: 'running',
      goal: 'mql',
      startedBy: { email: MIA, name: 'Mia Marketer' },
      variants: [
        { name: 'A', version: 1, weight: 1 },
        { name: 'B', version: 2, weight: 3 },
      ],
    });
    const list = await get(mia, '/console/api/templates');
    const greeting = list.body.templates.find((t: { name: string }) => t.name === 'greeting');
    expect(greeting.experiment).toEqual({
      id: started.body.id,
      goal: 'mql',
      variants: [
        { version: 1, weight: 1 },
        { version: 2, weight: 3 },
      ],
    });
    expect(
      list.body.templates.find((t: { name: string }) => t.name === 'ask-need').experiment,
    ).toBeNull();
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 20; i++) {
      const hello = await bed.deps.chatService.hello({ visitor: testVisitor() });
      const stored = await bed.deps.store.getConversation(hello.conversationId);
      seen.add(stored?.messages.at(-1)?.variant);
    }
    expect([...seen].sort()).toEqual(['A', 'B']);
    const report = await get(mia, `${API}/report`);
    expect(
      report.body.variants
        .map((v: { conversations: number }) => v.conversations)
        .reduce((a: number, b: number) => a + b),
    ).toBe(20);
    expect(report.body.message).toMatch(/Too few conversations/);
  });

  it.each([
    [
      'one variant',
      { variants: [{ version: 1, weight: 1 }], goal: 'mql' },
      /at least two variants/,
    ],
    [
      'the same version twice',
      {
        variants: [
          { version: 1, weight: 1 },
          { version: 1, weight: 2 },
        ],
        goal: 'mql',
      },
      /different version/,
    ],
    [
      'a version that does not exist',
      {
        variants: [
          { version: 1, weight: 1 },
          { version: 7, weight: 1 },
        ],
        goal: 'mql',
      },
      /no version 7/,
    ],
    ['an unknown goal', { ...TWO, goal: 'revenue' }, /goal/],
    [
      'a zero weight',
      {
        variants: [
          { version: 1, weight: 0 },
          { version: 2, weight: 1 },
        ],
        goal: 'mql',
      },
      /weight/,
    ],
  ])(
    'when the start names %s, then it is refused with 400 and nothing runs',
    async (_what, body, message) => {
      const { mia, post, get } = await withVersion2();
      const res = await post(mia, API, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect((await get(mia, API)).body.experiment).toBeNull();
    },
  );

  it('when an experiment runs, then a second start is refused with 409', async () => {
    const { mia, post } = await withVersion2();
    expect((await post(mia, API, TWO)).status).toBe(201);
    expect((await post(mia, API, TWO)).status).toBe(409);
  });

  it('when a rep, a stranger or a page without the CSRF token asks, then it is refused and nothing starts', async () => {
    const { mia, session, post, get } = await withVersion2();
    const ana = await session(ANA);
    expect((await get(null, API)).status).toBe(401);
    expect((await get(ana, API)).status).toBe(403);
    expect((await get(ana, `${API}/report`)).status).toBe(403);
    expect((await post(ana, API, TWO)).status).toBe(403);
    expect((await post(null, API, TWO)).status).toBe(401);
    expect((await post(mia, API, TWO, { csrf: false })).status).toBe(403);
    expect((await get(mia, API)).body.experiment).toBeNull();
    expect((await get(ana, '/console/templates/greeting/experiment')).status).toBe(403);
  });

  it('when an admin promotes variant B, then it is published as the live version with author and note, and the experiment stops', async () => {
    const { bed, mia, session, post, get } = await withVersion2();
    // Roll back to the file first: version 2 is then a variant that is not live.
    expect(
      (await post(mia, '/console/api/templates/greeting/rollback', { version: 1 })).status,
    ).toBe(201);
    const started = await post(mia, API, TWO);
    const root = await session(ROOT);
    expect((await post(root, `${API}/promote`, { version: 5 })).status).toBe(400);
    const promoted = await post(root, `${API}/promote`, { version: 2 });
    expect(promoted.status).toBe(200);
    expect(promoted.body.published).toMatchObject({
      version: 4,
      restoredFrom: 2,
      author: ROOT,
      note: `promoted variant B (version 2) of experiment ${started.body.id}`,
    });
    expect(promoted.body.experiment).toMatchObject({
      status: 'stopped',
      promoted: 2,
      stoppedBy: { email: ROOT },
    });
    const state = await get(mia, API);
    expect(state.body).toMatchObject({
      experiment: null,
      latest: { id: started.body.id, status: 'stopped' },
    });
    const hello = await bed.deps.chatService.hello({ visitor: testVisitor() });
    expect(hello.messages.at(-1)?.text).toBe('Hello from Beacon! What are you looking for today?');
    const stored = await bed.deps.store.getConversation(hello.conversationId);
    expect(stored?.messages.at(-1)).toMatchObject({ template: 'greeting', version: 4 });
    expect(stored?.messages.at(-1)?.variant).toBeUndefined();
    expect((await post(root, `${API}/stop`, {})).status).toBe(404);
  });

  it('when a marketer stops an experiment, then the live version stays and visitors get it', async () => {
    const { mia, post, get } = await withVersion2();
    await post(mia, API, TWO);
    const stopped = await post(mia, `${API}/stop`, {});
    expect(stopped.body).toMatchObject({ status: 'stopped', promoted: null });
    const versions = await get(mia, '/console/api/templates/greeting');
    expect(versions.body.live).toBe(2);
  });
});
