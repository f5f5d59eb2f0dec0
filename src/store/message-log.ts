import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * Where a conversation's transcript stands in its messages file, as its state file records
 * it: the file's generation (a new one is written whole when earlier messages changed), how
 * many messages and how many bytes of it belong to the stored version. Bytes after those are
 * an append a crash interrupted before the state file was replaced: never read, overwritten by
 * the next append.
 */
export const MessageLogSchema = z.object({
  generation: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type MessageLog = z.infer<typeof MessageLogSchema>;

/**
 * The messages file of a state file: `<shard>/<id>.messages-<generation>.ndjson`, one message
 * per line.
 *
 * @example messagesFile('/data/conversations/ab/c1.json', 2) // '/data/conversations/ab/c1.messages-2.ndjson'
 */
export function messagesFile(stateFile: string, generation: number): string {
  return `${stateFile.replace(/\.json$/, '')}.messages-${generation}.ndjson`;
}

/**
 * The messages a log names, as JSON values (validated with the rest of the conversation).
 * Throws AppError('INTERNAL') naming the file when it is missing or shorter than the log says.
 *
 * @example const messages = await readMessages(file, { generation: 1, count: 2, bytes: 180 });
 */
export async function readMessages(file: string, log: MessageLog): Promise<unknown[]> {
  if (log.count === 0) return [];
  let text: string;
  try {
    const content = await readFile(file);
    if (content.length < log.bytes)
      throw new Error(`${content.length} bytes, ${log.bytes} expected`);
    text = content.subarray(0, log.bytes).toString('utf8');
  } catch (e) {
    throw new AppError(
      'INTERNAL',
      `could not read ${file}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const lines = text.split('\n').slice(0, -1);
  if (lines.length !== log.count)
    throw new AppError('INTERNAL', `${file} holds ${lines.length} messages, ${log.count} expected`);
  try {
    return lines.map((line) => JSON.parse(line));
  } catch {
    throw new AppError('INTERNAL', `${file} holds a message that is not valid JSON`);
  }
}

/**
 * Writes message lines at byte `position` of a messages file (0 creates or empties it) and cuts
 * anything after them; returns the file's length. Not atomic: the state file written after it
 * is what makes the new messages part of the stored version.
 *
 * @example const bytes = await writeMessages(file, ['{"id":"m3",...}'], 512);
 */
export async function writeMessages(
  file: string,
  lines: readonly string[],
  position: number,
): Promise<number> {
  const data = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  const handle = await open(file, position === 0 ? 'w' : 'r+');
  try {
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(
        data,
        written,
        data.length - written,
        position + written,
      );
      written += bytesWritten;
    }
    if (position > 0) await handle.truncate(position + data.length);
  } finally {
    await handle.close();
  }
  return position + data.length;
}
