import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Conversation } from '../conversation/conversation-schema.js';
import { jsonDataFile } from '../lib/json-file.js';
import { CONVERSATION_ID_PATTERN } from './conversation-id.js';
import type { ConversationJournal } from './conversation-journal.js';
import type { PendingOutbox } from './pending-outbox.js';

/** A marker file of the outbox before it moved into the store, and a way to delete it. */
export type LegacyOutboxMarker = {
  conversationId: string;
  eventIds: string[];
  remove(): Promise<void>;
};

const MarkerSchema = z.object({ eventIds: z.array(z.string()) });
const SUFFIX = '.json';

/**
 * The outbox markers a server of the previous version left in `<dataDir>/outbox/pending/`:
 * events it saved (or was about to save) and had not handed over when it stopped. The store
 * takes those that were saved into its own pending events, then deletes the files. The folder
 * is empty in normal operation and absent in a new data folder.
 *
 * @example for (const m of await readLegacyOutboxMarkers('./data')) await m.remove();
 */
export async function readLegacyOutboxMarkers(dataDir: string): Promise<LegacyOutboxMarker[]> {
  const dir = join(dataDir, 'outbox', 'pending');
  const names = await readdir(dir).catch(() => []);
  const markers: LegacyOutboxMarker[] = [];
  for (const name of names) {
    const conversationId = name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : '';
    if (!CONVERSATION_ID_PATTERN.test(conversationId)) continue;
    const file = join(dir, name);
    const marker = await jsonDataFile(file, MarkerSchema).read();
    markers.push({
      conversationId,
      eventIds: marker?.eventIds ?? [],
      remove: () => rm(file, { force: true }),
    });
  }
  return markers;
}

/**
 * Takes the legacy markers of `dataDir` over: the saved events they name become pending (noted
 * in the journal first, so a crash right after keeps them), then the files are deleted.
 *
 * @example await takeOverLegacyMarkers(dataDir, { load, journal, pending });
 */
export async function takeOverLegacyMarkers(
  dataDir: string,
  store: {
    load(conversationId: string): Promise<Conversation | null>;
    journal: ConversationJournal;
    pending: PendingOutbox;
  },
): Promise<void> {
  for (const marker of await readLegacyOutboxMarkers(dataDir)) {
    const saved = (await store.load(marker.conversationId))?.outbox ?? [];
    const events = saved.filter((e) => marker.eventIds.includes(e.id));
    if (events.length > 0) {
      const conversationId = marker.conversationId;
      store.journal.note({ kind: 'pending', pending: { conversationId, events } });
      store.pending.add(conversationId, events);
    }
    await marker.remove();
  }
}
