import { rmSync } from 'node:fs';
import type { InboxPage, InboxSearch } from '../console/inbox/inbox-query.js';
import type { InboxProjection } from '../console/inbox/inbox-row.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { ConversationFolder } from './conversation-folder.js';
import { inboxManifestPath, openInboxIndexFile } from './inbox-index-file.js';

/** The lowdb store's inbox: the persisted index, or none when the store has no projection. */
export type StoreInbox = {
  saved(conv: Conversation): void;
  erased(id: string): void;
  query(search: InboxSearch): InboxPage;
  close(): void;
};

/**
 * The inbox of a lowdb store: with a projection, the persisted index (inbox-index-file.ts);
 * without one, no inbox query (AppError('INTERNAL')), and the index file is deleted at the
 * first save or erase, since this store cannot keep it current.
 *
 * @example const inbox = await openInboxIndex({ dataDir, inbox: projection }, files, replayedIds, logger);
 */
export async function openInboxIndex(
  options: { dataDir: string; inbox?: InboxProjection },
  files: ConversationFolder,
  replayedIds: readonly string[],
  logger: Logger,
): Promise<StoreInbox> {
  if (options.inbox === undefined) {
    let dropped = false;
    const drop = (): void => {
      if (!dropped) rmSync(inboxManifestPath(options.dataDir), { force: true });
      dropped = true;
    };
    return {
      saved: drop,
      erased: drop,
      query() {
        throw new AppError('INTERNAL', 'this conversation store was opened without an inbox');
      },
      close: () => undefined,
    };
  }
  const file = await openInboxIndexFile({
    dataDir: options.dataDir,
    projection: options.inbox,
    files,
    replayedIds,
    logger,
  });
  return {
    saved: file.saved,
    erased: file.erased,
    query: (search) => file.index.query(search),
    close: file.close,
  };
}
