import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createKeyedQueue } from '../store/keyed-queue.js';
import { assertConversationId, CONVERSATION_ID_PATTERN } from '../store/conversation-id.js';
import { jsonDataFile } from './json-data-file.js';
import type { OutboxMarkers } from './outbox-markers.js';

const MarkerSchema = z.object({ eventIds: z.array(z.string()) });
const SUFFIX = '.json';

/**
 * OutboxMarkers as small files, `<dataDir>/outbox/pending/<conversationId>.json`, each holding
 * the event ids not yet handed over. Written atomically (lowdb / steno: temp file + rename), so
 * a crash leaves the old or the new marker. The folder is empty in normal operation: reading
 * it at start-up costs nothing, whatever the number of conversations.
 *
 * @example const markers = await createFileOutboxMarkers({ dataDir: './data' });
 */
export async function createFileOutboxMarkers(options: {
  dataDir: string;
}): Promise<OutboxMarkers> {
  const dir = join(options.dataDir, 'outbox', 'pending');
  await mkdir(dir, { recursive: true });
  const queue = createKeyedQueue();
  const fileOf = (id: string) => jsonDataFile(join(dir, `${id}${SUFFIX}`), MarkerSchema);

  return {
    async add(conversationId, eventIds) {
      assertConversationId(conversationId);
      return queue.run(conversationId, async () => {
        const file = fileOf(conversationId);
        const known = (await file.read())?.eventIds ?? [];
        await file.write({ eventIds: [...new Set([...known, ...eventIds])] });
      });
    },
    async remove(conversationId, eventIds) {
      assertConversationId(conversationId);
      return queue.run(conversationId, async () => {
        const file = fileOf(conversationId);
        const known = (await file.read())?.eventIds;
        if (known === undefined) return;
        const left = known.filter((id) => !eventIds.includes(id));
        if (left.length === 0) await rm(join(dir, `${conversationId}${SUFFIX}`), { force: true });
        else await file.write({ eventIds: left });
      });
    },
    async list() {
      const ids = (await readdir(dir))
        .filter((n) => n.endsWith(SUFFIX))
        .map((n) => n.slice(0, -SUFFIX.length))
        .filter((id) => CONVERSATION_ID_PATTERN.test(id));
      const marks = await Promise.all(
        ids.map((id) =>
          queue.run(id, async () => ({
            conversationId: id,
            eventIds: (await fileOf(id).read())?.eventIds ?? [],
          })),
        ),
      );
      return marks;
    },
  };
}
