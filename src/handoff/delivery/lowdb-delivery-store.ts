import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { createKeyedQueue } from '../../lib/keyed-queue.js';
import { DELIVERY_ID_PATTERN, DeliverySchema, isActive, type Delivery } from './delivery-schema.js';
import type { DeliveryStore, DisabledDestination } from './delivery-store.js';
import { jsonDataFile } from '../../lib/json-file.js';

const DisabledSchema = z.record(
  z.string(),
  z.object({
    destinationId: z.string(),
    url: z.string(),
    at: z.iso.datetime(),
    reason: z.string(),
  }),
);
const SUFFIX = '.json';
const DELETED_REMEMBERED = 10_000;

/**
 * The embedded DeliveryStore: one small lowdb file per delivery in
 * `<dataDir>/outbox/deliveries/<id>.json` (atomic writes), an index of the active ones as empty
 * files in `<dataDir>/outbox/active/<id>`, and disabled destinations in
 * `<dataDir>/outbox/destinations.json`.
 *
 * The index is kept crash-safe by ordering: a marker is written before a record becomes active
 * and removed only after it has been saved as finished, so an active record always has one (a
 * leftover marker of a finished record is skipped).
 *
 * @example
 *   const deliveries = await createLowdbDeliveryStore({ dataDir: './data' });
 */
export async function createLowdbDeliveryStore(options: {
  dataDir: string;
}): Promise<DeliveryStore> {
  const root = join(options.dataDir, 'outbox');
  const recordsDir = join(root, 'deliveries');
  const activeDir = join(root, 'active');
  await mkdir(recordsDir, { recursive: true });
  await mkdir(activeDir, { recursive: true });
  const destinationsFile = jsonDataFile(join(root, 'destinations.json'), DisabledSchema);
  const queue = createKeyedQueue();
  // Ids deleted by an erasure: an attempt in flight must not write its record back. Attempts
  // last seconds, so the most recent ids are enough, and memory stays bounded.
  const deleted = new Set<string>();
  const forget = (id: string): void => {
    deleted.add(id);
    const oldest = deleted.values().next().value;
    if (deleted.size > DELETED_REMEMBERED && oldest !== undefined) deleted.delete(oldest);
  };
  let closed = false;

  const fileOf = (id: string) => jsonDataFile(join(recordsDir, `${id}${SUFFIX}`), DeliverySchema);

  function check(id: string): void {
    if (closed) throw new AppError('INTERNAL', 'the delivery store is closed');
    if (!DELIVERY_ID_PATTERN.test(id))
      throw new AppError('BAD_REQUEST', `invalid delivery id ${JSON.stringify(id.slice(0, 80))}`);
  }

  async function write(delivery: Delivery): Promise<void> {
    const doc = DeliverySchema.parse(delivery);
    const marker = join(activeDir, doc.id);
    if (isActive(doc.status)) {
      await writeFile(marker, '');
      await fileOf(doc.id).write(doc);
    } else {
      await fileOf(doc.id).write(doc);
      await rm(marker, { force: true });
    }
  }

  async function readIds(dir: string, suffix: string): Promise<string[]> {
    const names = await readdir(dir);
    // Skips steno's `.<name>.tmp` leftovers (a crash mid-write) and anything foreign.
    return names
      .filter((n) => n.endsWith(suffix))
      .map((n) => n.slice(0, n.length - suffix.length))
      .filter((id) => DELIVERY_ID_PATTERN.test(id));
  }

  const read = (id: string): Promise<Delivery | null> => fileOf(id).read();

  return {
    async create(delivery) {
      check(delivery.id);
      // One at a time per id: the existence check and the write cannot interleave with another create.
      return queue.run(delivery.id, async () => {
        if (deleted.has(delivery.id))
          return { delivery: DeliverySchema.parse(delivery), created: false };
        const existing = await read(delivery.id);
        if (existing !== null) return { delivery: existing, created: false };
        await write(delivery);
        return { delivery: DeliverySchema.parse(delivery), created: true };
      });
    },
    async get(id) {
      check(id);
      return queue.run(id, () => read(id));
    },
    async save(delivery) {
      check(delivery.id);
      return queue.run(delivery.id, async () => {
        if (!deleted.has(delivery.id)) await write(delivery);
      });
    },
    async list(filter = {}) {
      if (closed) throw new AppError('INTERNAL', 'the delivery store is closed');
      const all = await Promise.all(
        (await readIds(recordsDir, SUFFIX)).map((id) => queue.run(id, () => read(id))),
      );
      return all
        .filter((d): d is Delivery => d !== null)
        .filter(
          (d) =>
            (filter.status === undefined || d.status === filter.status) &&
            (filter.destinationId === undefined || d.destinationId === filter.destinationId) &&
            (filter.conversationId === undefined || d.conversationId === filter.conversationId),
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    },
    async listActive() {
      if (closed) throw new AppError('INTERNAL', 'the delivery store is closed');
      const found = await Promise.all(
        (await readIds(activeDir, '')).map((id) => queue.run(id, () => read(id))),
      );
      return found.filter((d): d is Delivery => d !== null && isActive(d.status));
    },
    async disabledDestinations() {
      return Object.values((await destinationsFile.read()) ?? {});
    },
    async setDestinationDisabled(destinationId, state: DisabledDestination | null) {
      // The file holds every destination: one read-modify-write at a time.
      return queue.run('\u0000destinations', async () => {
        const all = { ...((await destinationsFile.read()) ?? {}) };
        if (state === null) delete all[destinationId];
        else all[destinationId] = state;
        await destinationsFile.write(all);
      });
    },
    async deleteForConversation(conversationId) {
      if (closed) throw new AppError('INTERNAL', 'the delivery store is closed');
      const ids = await readIds(recordsDir, SUFFIX);
      let removed = 0;
      for (const id of ids) {
        const gone = await queue.run(id, async () => {
          const d = await read(id).catch(() => null);
          if (d === null || d.conversationId !== conversationId) return false;
          forget(id);
          await rm(join(recordsDir, `${id}${SUFFIX}`), { force: true });
          await rm(join(activeDir, id), { force: true });
          return true;
        });
        if (gone) removed++;
      }
      return removed;
    },
    async close() {
      closed = true;
      await queue.idle();
    },
  };
}
