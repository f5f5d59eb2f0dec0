import ICAL from 'ical.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createEmailDestinations } from '../../src/email/email-destinations.js';
import { createSmtpMailer } from '../../src/email/smtp-mailer.js';
import type { Destination } from '../../src/handoff/delivery/create-destinations.js';
import { createDeliveryWorker } from '../../src/handoff/delivery/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import { withOutbox } from '../../src/handoff/outbox/with-outbox.js';
import { serverSecretFrom } from '../../src/lib/server-secret.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { leafParts, startSmtpReceiver, type ReceivedMail } from '../fakes/smtp-receiver.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { createTestDeps, type TestDeps } from '../helpers/test-deps.js';
import { fakeClock, recordingLogger } from '../unit/handoff/handoff-fixtures.js';
import { visitor } from './booking-visitor.js';

export const REP = { id: 'ana', name: 'Ana from Sales', email: 'ana@beacon.example' };
export const SECRET = serverSecretFrom('mail-test-secret-mail-test-secret');

/**
 * The real chat (rules mode) whose store feeds a delivery worker with the email destinations
 * (and `more` destinations), a real SMTP receiver, and one visitor. `config` adds to the raw
 * config (the public address, one rep, SMTP are set).
 */
export async function startMailTestBed(
  config: Record<string, unknown> = {},
  more: (c: ReturnType<typeof parseConfig>) => Destination[] = () => [],
) {
  const smtp = closeAfterTest(await startSmtpReceiver());
  const raw = {
    server: { publicUrl: 'https://chat.beacon.example' },
    email: { from: 'Beacon <sales@beacon.example>', smtp: { host: smtp.host, port: smtp.port } },
    ...config,
    booking: { reps: [REP], ...((config.booking as object | undefined) ?? {}) },
  };
  const parsed = parseConfig(raw);
  const mailer = createSmtpMailer(parsed.email);
  if (mailer === null) throw new Error('SMTP is configured');
  closeAfterTest(mailer);
  let deps: TestDeps | null = null;
  const calendar = createMemoryCalendar([], {
    clock: () => (deps === null ? new Date() : deps.now()),
  });
  const inner = createMemoryStore();
  const deliveries = createMemoryDeliveryStore();
  const clock = fakeClock();
  const worker = createDeliveryWorker({
    store: inner,
    deliveries,
    destinations: [
      ...createEmailDestinations({ config: parsed, calendar, mailer, secret: SECRET }),
      ...more(parsed),
    ],
    config: parsed,
    clock: clock.now,
    logger: recordingLogger(),
    random: () => 0.5,
  });
  await worker.start({ loop: false });
  deps = createTestDeps({ config: raw, store: withOutbox(inner, worker.outbox), calendar });
  return { smtp, worker, deliveries, clock, deps, calendar, chat: await visitor(deps) };
}

/** The invite of an email: the text/calendar part, parsed by ical.js. */
export function inviteOf(mail: ReceivedMail) {
  const part = leafParts(mail.message).find((p) =>
    (p.headers['content-type'] ?? '').startsWith('text/calendar'),
  );
  if (!part) throw new Error(`no calendar part in the email to ${mail.to.join(', ')}`);
  const calendar = new ICAL.Component(ICAL.parse(part.body));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('no VEVENT in the invite');
  const event = new ICAL.Event(vevent);
  return {
    contentType: part.headers['content-type'] ?? '',
    method: calendar.getFirstPropertyValue('method'),
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    attendees: event.attendees.map((a) => String(a.getFirstValue())),
  };
}

/** The plain-text body of an email. */
export const textOf = (mail: ReceivedMail): string =>
  leafParts(mail.message).find((p) => (p.headers['content-type'] ?? '').startsWith('text/plain'))
    ?.body ?? '';
