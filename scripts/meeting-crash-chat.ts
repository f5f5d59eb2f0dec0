/**
 * Crash-test helper: one visitor books a meeting through the real chat service (rules mode),
 * on the lowdb store and calendar of DATA_DIR, wired as `npm start` wires them. With
 * LEADBOT_CRASH_AT=calendar-claim the process kills itself (SIGKILL) right after the meeting is
 * written to the calendar, before the conversation that books it is saved. Prints
 * "offered <slot>" before the pick; run by test/integration/meeting-crash.test.ts:
 *
 *   DATA_DIR=<dir> LEADBOT_CRASH_AT=calendar-claim node --import tsx scripts/meeting-crash-chat.ts
 */
import { createCore } from '../src/app/create-core.js';
import { randomIds } from '../src/app/sequential-ids.js';
import { createLowdbCalendar } from '../src/booking/lowdb-calendar.js';
import { loadConfig } from '../src/config/load-config.js';
import { createChatService } from '../src/conversation/create-chat-service.js';
import { createKeyedQueue } from '../src/lib/keyed-queue.js';
import { createLowdbStore } from '../src/store/lowdb-store.js';

const OPENING =
  "Hi, my name is Dana Reyes, I'm the COO of Acme Freight, 250 people. Our inbound quote requests pile up unanswered. We have $60k a year and want it live within a month. Reach me at dana@acme-freight.example";

const { config } = loadConfig();
const clock = (): Date => new Date();
const store = await createLowdbStore({ dataDir: config.dataDir });
const calendar = await createLowdbCalendar({ dataDir: config.dataDir, clock });
const chat = createChatService({
  queue: createKeyedQueue(),
  config,
  store,
  calendar,
  ...createCore(config),
  phraser: null,
  clock,
  newId: randomIds,
});

const hello = await chat.hello({
  visitor: {
    timezone: 'America/Chicago',
    locale: 'en-US',
    page: 'https://beacon.example/pricing',
    referrer: null,
    utm: null,
  },
});
let turn = 0;
async function say(text: string): Promise<{ value: string; label: string } | undefined> {
  let offered: { value: string; label: string } | undefined;
  const r = await chat.receive(hello.conversationId, { clientId: `c${++turn}`, text }, (e) => {
    if (e.type === 'agent:message') offered = e.payload.quickReplies?.[0] ?? offered;
  });
  await r.reply;
  return offered;
}

const pick = await say(OPENING);
if (pick === undefined) throw new Error('no meeting was offered');
process.stdout.write(`offered ${pick.label}\n`);
await say(pick.value);
process.stdout.write('booked\n');
await store.close();
