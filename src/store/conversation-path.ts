import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The folder of the data dir that holds the conversations. */
export function conversationsFolder(dataDir: string): string {
  return join(dataDir, 'conversations');
}

/**
 * The sub-folder of a conversation: two hex digits of a hash of its id, so 256 folders share
 * the conversations evenly. Creating steno's temp file in a folder of 100,000 entries costs
 * several times more than in one of a few hundred (ext4), and every save creates one.
 */
export function conversationShard(id: string): string {
  return createHash('sha1').update(id).digest('hex').slice(0, 2);
}

/**
 * Where the lowdb store keeps a conversation: `<dataDir>/conversations/<shard>/<id>.json`.
 *
 * @example conversationPath('./data', 'c1') // './data/conversations/<2 hex digits>/c1.json'
 */
export function conversationPath(dataDir: string, id: string): string {
  return join(conversationsFolder(dataDir), conversationShard(id), `${id}.json`);
}
