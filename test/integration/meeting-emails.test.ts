import { expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createSmtpMailer } from '../../src/email/smtp-mailer.js';
import { OPENING } from './booking-visitor.js';
import { inviteOf, startMailTestBed, textOf } from './mail-test-bed.js';

const chatWithMail = () => startMailTestBed();

it('when a visitor books in the chat, then the visitor and the rep each get the invite, which ical.js reads', async () => {
  const { smtp, worker, chat } = await chatWithMail();
  await chat.say(OPENING);
  const reply = await chat.say('the first one');
  expect(reply.text).toMatch(/booked/i);
  await worker.runDue();

  const mails = await smtp.waitFor(2);
  expect(mails.map((m) => m.to[0]).sort()).toEqual([
    'ana@beacon.example',
    'dana@acme-freight.example',
  ]);
  const meeting = (await chat.conversation()).meeting;
  for (const mail of mails) {
    const invite = inviteOf(mail);
    expect(invite.contentType).toMatch(/method=REQUEST/i);
    expect(invite.method).toBe('REQUEST');
    expect(invite.summary).toBe('Intro call: Beacon + Acme Freight');
    expect(invite.start).toBe(meeting?.start);
    expect(invite.attendees).toEqual(['mailto:dana@acme-freight.example']);
    expect(textOf(mail)).toContain(`https://chat.beacon.example/bookings/${meeting?.id}`);
  }
  const toVisitor = mails.find((m) => m.to[0] === 'dana@acme-freight.example');
  expect(toVisitor?.message.headers.subject).toMatch(/^Invitation: Intro call/);
  expect(textOf(toVisitor ?? mails[0]!)).toMatch(/Your meeting with Ana from Sales is booked for/);
});

it('when the visitor cancels in the chat, then both get a METHOD:CANCEL for the same meeting', async () => {
  const { smtp, worker, chat } = await chatWithMail();
  await chat.say(OPENING);
  await chat.say('the first one');
  await worker.runDue();
  await chat.say('cancel my meeting');
  expect((await chat.say('yes')).text).toMatch(/cancel/i);
  await worker.runDue();

  const mails = await smtp.waitFor(4);
  expect(mails).toHaveLength(4);
  const cancels = mails.filter((m) => inviteOf(m).method === 'CANCEL');
  expect(cancels.map((m) => m.to[0]).sort()).toEqual([
    'ana@beacon.example',
    'dana@acme-freight.example',
  ]);
  expect(cancels.every((m) => (m.message.headers.subject ?? '').startsWith('Canceled:'))).toBe(
    true,
  );
});

it('when the mail server refuses, then the chat still books, and the emails go out on a later retry', async () => {
  const { smtp, worker, deliveries, clock, chat } = await chatWithMail();
  smtp.refuse(true);
  await chat.say(OPENING);
  expect((await chat.say('the first one')).text).toMatch(/booked/i);
  await worker.runDue();
  expect((await deliveries.list()).map((d) => d.status)).toEqual([
    'failed-retrying',
    'failed-retrying',
  ]);
  expect(smtp.mails).toHaveLength(0);

  smtp.refuse(false);
  clock.advance(60_000);
  await worker.runDue(clock.now());
  expect((await smtp.waitFor(2)).map((m) => m.to[0]).sort()).toEqual([
    'ana@beacon.example',
    'dana@acme-freight.example',
  ]);
  expect((await deliveries.list()).map((d) => d.status)).toEqual(['delivered', 'delivered']);
});

it('when the meeting was canceled before its booking email went out, then only the cancellation is sent', async () => {
  const { smtp, worker, deliveries, chat } = await chatWithMail();
  await chat.say(OPENING);
  await chat.say('the first one');
  await chat.say('cancel my meeting');
  await chat.say('yes');
  await worker.runDue();

  const mails = await smtp.waitFor(2);
  expect(mails.map((m) => inviteOf(m).method)).toEqual(['CANCEL', 'CANCEL']);
  const statuses = (await deliveries.list()).map((d) => `${d.eventType} ${d.status}`).sort();
  expect(statuses).toEqual([
    'meeting.booked skipped',
    'meeting.booked skipped',
    'meeting.canceled delivered',
    'meeting.canceled delivered',
  ]);
});

it('when no SMTP server is configured, then there is no mailer', () => {
  expect(createSmtpMailer(parseConfig({}).email)).toBeNull();
});
