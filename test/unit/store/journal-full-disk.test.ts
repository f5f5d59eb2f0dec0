import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors/app-error.js';
import { openJournal } from '../../../src/store/conversation-journal.js';
import { recoverJournal } from '../../../src/store/recover-journal.js';
import { storedOf } from '../../../src/store/stored-conversation.js';
import { makeConversation, makeMessage } from '../../helpers/make-conversation.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

const segmentsIn = (folder: string): string[] =>
  readdirSync(folder).filter((n) => n.endsWith('.ndjson'));

/** An append that, while the disk is full, writes the start of the line and fails as the kernel does. */
function fullDisk() {
  const disk = { full: true };
  const appendText = (fd: number, text: string): void => {
    if (!disk.full) return writeFileSync(fd, text);
    writeFileSync(fd, text.slice(0, 12));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return { disk, appendText };
}

describe('conversation journal on a full disk', () => {
  it('when every append fails for a long time, then the journal keeps one segment, and once space is back it holds only whole lines', () => {
    const folder = join(tempDirForTest('leadbot-full-').dir, 'journal');
    const { disk, appendText } = fullDisk();
    const journal = openJournal(folder, { appendText });
    const conv = storedOf(makeConversation({ id: 'c-full', messages: [makeMessage(1)] })).stored;
    for (let attempt = 0; attempt < 200; attempt++) {
      let error: unknown = null;
      try {
        journal.append(conv, 0, []);
      } catch (e) {
        error = e;
      }
      expect(isAppError(error) && error.message).toMatch(
        /could not append to the journal .*ENOSPC/,
      );
      // The background flush retries, starting a new segment each time.
      void journal.rotate();
    }
    expect(segmentsIn(folder)).toHaveLength(1);

    disk.full = false;
    journal.append(conv, 0, []);
    journal.close({ discard: false });
    const [segment] = segmentsIn(folder);
    expect(readFileSync(join(folder, segment!), 'utf8').split('\n')).toHaveLength(2);
    const recovery = recoverJournal(folder);
    expect(recovery.skippedLines).toBe(0);
    expect(recovery.saves.get('c-full')).toHaveLength(1);
  });

  it('when a previous run left empty segments, then the next start deletes them and keeps the others', () => {
    const folder = join(tempDirForTest('leadbot-full-').dir, 'journal');
    const journal = openJournal(folder);
    journal.append(storedOf(makeConversation({ id: 'c-kept' })).stored, 0, []);
    journal.close({ discard: false });
    for (let n = 2; n <= 300; n++)
      writeFileSync(join(folder, `${String(n).padStart(10, '0')}.ndjson`), '');
    const recovery = recoverJournal(folder);
    expect(recovery.emptySegments).toBe(299);
    expect(segmentsIn(folder)).toEqual(['0000000001.ndjson']);
    expect([...recovery.saves.keys()]).toEqual(['c-kept']);
  });
});
