import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../../src/conversation/chat-service.js';
import type { Phase } from '../../../src/conversation/conversation-schema.js';
import { migrateConversation } from '../../../src/conversation/migrate-conversation.js';
import { conversationPath } from '../../../src/store/conversation-path.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import { createTestDeps, REPO_ROOT } from '../../helpers/test-deps.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/stored-v1');
const folders: string[] = [];

afterEach(async () => {
  for (const f of folders.splice(0)) await rm(f, { recursive: true, force: true });
});

/** A data folder holding the stored file of today's shape, as a running deployment has it. */
async function dataDirWith(fixture: string, id: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'leadbot-v1-'));
  folders.push(dataDir);
  const file = conversationPath(dataDir, id);
  await mkdir(path.dirname(file), { recursive: true });
  await copyFile(path.join(FIXTURES, fixture), file);
  return dataDir;
}

/** Sends one message through the real chat service and collects the agent's messages. */
async function say(deps: ReturnType<typeof createTestDeps>, id: string, text: string) {
  const events: AgentEvent[] = [];
  const r = await deps.chatService.receive(id, { clientId: `c-${text}`, text }, (e) =>
    events.push(e),
  );
  await r.reply;
  return events.flatMap((e) => (e.type === 'agent:message' ? [e.payload] : []));
}

describe('a conversation stored by the previous version (schema version 1)', () => {
  it('when it was mid-booking with times offered, then it is read, migrated, and "the second one" books the second time offered', async () => {
    const dataDir = await dataDirWith('mid-booking.json', 'v1-mid-booking');
    const store = await createLowdbStore({ dataDir });
    const read = await store.getConversation('v1-mid-booking');
    expect(read?.phase).toEqual({
      kind: 'offering',
      purpose: 'book',
      slots: ['2026-03-03T19:00:00.000Z', '2026-03-03T19:30:00.000Z', '2026-03-03T20:00:00.000Z'],
    });
    const deps = createTestDeps({ store });
    const [booked] = await say(deps, 'v1-mid-booking', 'the second one');
    expect(booked).toMatchObject({ final: true, expecting: null });
    expect(booked?.text).toMatch(/You're booked/);
    const after = await store.getConversation('v1-mid-booking');
    expect(after?.meeting).toMatchObject({ start: '2026-03-03T19:30:00.000Z', status: 'booked' });
    expect(after?.outbox.map((e) => e.type)).toEqual(['lead.qualified', 'meeting.booked']);
    await store.close();
    // Written back in the new shape.
    const file = JSON.parse(await readFile(conversationPath(dataDir, 'v1-mid-booking'), 'utf8'));
    expect(file).toMatchObject({ schemaVersion: 2, phase: { kind: 'ended' } });
    expect(file).not.toHaveProperty('offeredSlots');
  });

  it('when it was asking to confirm a cancel, then the visitor\'s "yes" cancels the meeting', async () => {
    const dataDir = await dataDirWith('confirming-cancel.json', 'v1-confirming-cancel');
    const store = await createLowdbStore({ dataDir });
    const deps = createTestDeps({ store });
    await deps.calendar.claim(
      { start: '2026-03-03T19:30:00.000Z', end: '2026-03-03T20:00:00.000Z', repIds: ['rep-1'] },
      { id: 'mt-1', conversationId: 'v1-confirming-cancel' },
    );
    expect((await store.getConversation('v1-confirming-cancel'))?.phase).toEqual({
      kind: 'confirmingCancel',
    });
    const [canceled] = await say(deps, 'v1-confirming-cancel', 'yes');
    expect(canceled?.text).toMatch(/cancel/i);
    const after = await store.getConversation('v1-confirming-cancel');
    expect(after?.meeting?.status).toBe('canceled');
    expect(after?.outbox.at(-1)?.type).toBe('meeting.canceled');
    await store.close();
  });
});

describe('where a version-1 conversation stood, as one phase', () => {
  const v1 = {
    expecting: null,
    status: 'active',
    offeredSlots: [],
    rescheduling: false,
    consentAsked: false,
  };
  const slots = ['2026-03-03T19:00:00.000Z'];
  it.each<[string, Record<string, unknown>, Phase]>([
    ['a slot asked', { expecting: 'budget' }, { kind: 'qualifying', asked: 'budget' }],
    ['nothing asked yet', {}, { kind: 'qualifying', asked: null }],
    [
      'times offered',
      { expecting: 'booking', offeredSlots: slots },
      { kind: 'offering', purpose: 'book', slots },
    ],
    [
      'times offered to move the meeting',
      { expecting: 'booking', offeredSlots: slots, rescheduling: true },
      { kind: 'offering', purpose: 'move', slots },
    ],
    ['the follow-up question asked', { consentAsked: true }, { kind: 'askingConsent' }],
    [
      'a cancel to confirm',
      { status: 'ended', confirmingCancel: true },
      { kind: 'confirmingCancel' },
    ],
    ['the chat over', { status: 'ended' }, { kind: 'ended' }],
  ])('%s', (_, fields, phase) => {
    expect(migrateConversation({ schemaVersion: 1, ...v1, ...fields })).toMatchObject({
      schemaVersion: 2,
      phase,
    });
  });

  it('a document of the current version is left as it is', () => {
    const doc = { schemaVersion: 2, phase: { kind: 'ended' } };
    expect(migrateConversation(doc)).toBe(doc);
  });
});
