import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLowdbCalendar } from '../../src/booking/lowdb-calendar.js';
import { runPrivacyCli } from '../../src/cli/privacy.js';
import { createLowdbDeliveryStore } from '../../src/handoff/delivery/lowdb-delivery-store.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { startCrmReceiver } from '../fakes/crm-receiver.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';
import { DANA, LENA, NOW, OMAR, seedPeople, type Person } from './privacy-people.js';

const SECRET = `whsec_${Buffer.from('leadbot-privacy-secret-01').toString('base64')}`;

/** Every file under `dir` (journal segments, temp files and all) whose bytes hold `text`, any case. */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const hits: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    if ((await readFile(file, 'utf8')).toLowerCase().includes(text.toLowerCase()))
      hits.push(file.slice(dir.length + 1));
  }
  return hits;
}

/** Seeds the people as a server killed mid-run leaves them: conversations in the journal only. */
async function seedLikeACrashedServer(dir: string): Promise<void> {
  // Never closed nor flushed: its saves are in the journal segment, not in the files.
  const store = await createLowdbStore({ dataDir: dir, flushDelayMs: 3_600_000 });
  const calendar = await createLowdbCalendar({ dataDir: dir, clock: () => NOW });
  const deliveries = await createLowdbDeliveryStore({ dataDir: dir });
  await seedPeople({ store, calendar, deliveries });
  await deliveries.close();
}

/** What each store holds of a person, read afresh (a restart). */
async function storedOf(dir: string, p: Person) {
  const store = await createLowdbStore({ dataDir: dir });
  const calendar = await createLowdbCalendar({ dataDir: dir, clock: () => NOW });
  const deliveries = await createLowdbDeliveryStore({ dataDir: dir });
  try {
    const ids = (await store.listConversationIds()).filter((id) => id.startsWith(p.key));
    return {
      conversations: await Promise.all(ids.map((id) => store.getConversation(id))),
      meetings: (await calendar.list()).filter((m) => m.conversationId.startsWith(p.key)),
      deliveries: (await deliveries.list()).filter((d) => d.conversationId.startsWith(p.key)),
    };
  } finally {
    await deliveries.close();
    await store.close();
  }
}

async function cli(dir: string, env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPrivacyCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { DATA_DIR: dir, ...env },
    cwd: dir,
    // The real clock: the receiver checks webhook timestamps (the meetings are in 2030, to come).
    confirm: null,
  });
  return { code, out, err };
}

describe('npm run privacy on a store with several people', () => {
  it('when one person is exported then erased, then their data is gone from every file, the others keep theirs, and a restart brings nothing back', async () => {
    const { dir } = tempDirForTest('leadbot-privacy-');
    const crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
    const env = { CRM_WEBHOOK_URL: crm.url, CRM_WEBHOOK_SECRET: SECRET };
    await seedLikeACrashedServer(dir);
    expect(await filesHolding(dir, DANA.email)).not.toEqual([]);
    const before = { omar: await storedOf(dir, OMAR), lena: await storedOf(dir, LENA) };

    const found = await cli(dir, env, 'find', DANA.email.toUpperCase(), '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.out[0] ?? '')).toMatchObject({
      email: DANA.email,
      conversations: [
        { id: 'dana-1', messages: 3 },
        { id: 'dana-2', messages: 1 },
      ],
      meetings: expect.arrayContaining([
        expect.objectContaining({ id: 'meet-dana-next', status: 'booked' }),
        expect.objectContaining({ id: 'meet-dana-old', status: 'canceled' }),
      ]),
    });

    const listed = await cli(dir, env, 'find', DANA.email);
    expect(listed.out).toEqual([
      `${DANA.email} in ${dir} (DATA_DIR):`,
      'conversations (2):',
      expect.stringMatching(/^ {2}dana-1 {2}created 2030-.* {2}last active 2030-.* {2}3 messages$/),
      expect.stringMatching(/^ {2}dana-2 .* 1 message$/),
      'meetings (2):',
      expect.stringMatching(/^ {2}meet-dana-(next|old) {2}2030-/),
      expect.stringMatching(/^ {2}meet-dana-(next|old) {2}2030-/),
      'deliveries (3):',
      expect.stringMatching(
        /^ {2}dlv_\w+ {2}(lead.qualified|meeting.booked) {2}delivered {2}1 attempt /,
      ),
      expect.stringMatching(/^ {2}dlv_/),
      expect.stringMatching(/^ {2}dlv_/),
    ]);
    expect(listed.out.join('\n')).not.toContain(DANA.name);

    const exported = await cli(dir, env, 'export', DANA.email, '--out', 'dana.json');
    expect(exported.code).toBe(0);
    const file = JSON.parse(await readFile(join(dir, 'dana.json'), 'utf8'));
    expect(file.conversations.map((c: { id: string }) => c.id).sort()).toEqual([
      'dana-1',
      'dana-2',
    ]);
    expect(file.conversations[0].messages[0].text).toContain(DANA.name);
    expect(file.meetings).toHaveLength(2);
    expect(file.deliveries).toHaveLength(3);
    expect(file.deliveries[0].attempts).toHaveLength(1);

    const erased = await cli(dir, env, 'erase', DANA.email, '--yes');
    expect(erased.code).toBe(0);
    expect(erased.out[0]).toBe(`erased ${DANA.email}: 2 conversations, 2 meetings, 3 deliveries.`);
    expect(erased.out[1]).toMatch(/^canceled meeting meet-dana-next .*default delivered$/);
    // The CRM heard of the canceled meeting, signed, before the data went.
    expect(crm.requests).toHaveLength(1);
    expect(crm.requests[0]?.verifiedWith).toEqual([0]);
    expect(JSON.parse(crm.requests[0]?.body ?? '')).toMatchObject({
      type: 'meeting.canceled',
      conversationId: 'dana-1',
      meeting: { id: 'meet-dana-next', status: 'canceled' },
    });

    // The export the operator asked for is theirs to hand over; the rest must be clean.
    const dataFiles = async (text: string) =>
      (await filesHolding(dir, text)).filter((f) => f !== 'dana.json');
    expect(await dataFiles(DANA.email)).toEqual([]);
    expect(await dataFiles(DANA.name)).toEqual([]);
    expect(await storedOf(dir, OMAR)).toEqual(before.omar);
    expect(await storedOf(dir, LENA)).toEqual(before.lena);
    // Restarted twice by now: nothing came back.
    expect(await dataFiles(DANA.email)).toEqual([]);
    expect(await storedOf(dir, DANA)).toEqual({ conversations: [], meetings: [], deliveries: [] });
    const again = await cli(dir, env, 'find', DANA.email);
    expect(again).toMatchObject({
      code: 3,
      err: [`privacy: nothing stored for ${DANA.email} in ${dir} (DATA_DIR)`],
    });
  });

  it.each([
    [['find'], 2, /^usage: npm run privacy/],
    [['forget', DANA.email], 2, /^usage: npm run privacy/],
    [['find', 'dana at brightfield'], 2, /"dana at brightfield" is not an email address/],
    [['find', '*@brightfield.example'], 2, /is not an email address/],
    [['erase', DANA.email], 2, /erase asks for confirmation on a terminal; pass --yes/],
    [['find', 'nobody@nowhere.example'], 3, /nothing stored for nobody@nowhere.example/],
  ])(
    'when the command is %j, then it exits %i saying why, and changes nothing',
    async (argv, code, message) => {
      const { dir } = tempDirForTest('leadbot-privacy-');
      const store = await createLowdbStore({ dataDir: dir });
      const calendar = await createLowdbCalendar({ dataDir: dir, clock: () => NOW });
      const deliveries = await createLowdbDeliveryStore({ dataDir: dir });
      await seedPeople({ store, calendar, deliveries });
      await deliveries.close();
      await store.close();
      const run = await cli(dir, {}, ...argv);
      expect(run.code).toBe(code);
      expect(run.err.join('\n')).toMatch(message);
      expect((await storedOf(dir, DANA)).conversations).toHaveLength(2);
    },
  );

  it('when the data folder is not there, then it says nothing is stored there and creates nothing', async () => {
    const { dir } = tempDirForTest('leadbot-privacy-');
    const run = await cli(join(dir, 'nope'), {}, 'find', DANA.email);
    expect(run).toMatchObject({ code: 3 });
    expect(run.err[0]).toMatch(
      /nothing stored in .*nope \(DATA_DIR\): is this the server's data folder\?/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('when the server runs on the data folder, then the CLI refuses and points to the admin API', async () => {
    const { dir } = tempDirForTest('leadbot-privacy-');
    await mkdir(join(dir, 'conversations', 'journal'), { recursive: true });
    // The parent process stands for the server: alive, and not this process.
    await writeFile(join(dir, 'conversations', 'journal', 'LOCK'), String(process.ppid));
    const run = await cli(dir, {}, 'erase', DANA.email, '--yes');
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(
      /the server is running on .* use the admin API while it runs \(.*POST \/admin\/privacy\/erase/,
    );
  });
});
