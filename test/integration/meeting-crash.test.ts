import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createLowdbCalendar } from '../../src/booking/lowdb-calendar.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TWO_WEEKS_MS = 15 * 86_400_000;

/** Runs a node entry point on `dataDir`; resolves with its output and how it ended. */
function run(
  args: string[],
  env: Record<string, string>,
  stopWhen?: (stdout: string) => boolean,
): Promise<{ stdout: string; stderr: string; ended: string | number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // A server runs until told to stop, as an operator stops it.
    if (stopWhen?.(stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ stdout, stderr, ended: signal ?? code })),
  );
}

it(
  'when the server is killed between writing a booked meeting and saving its conversation, then the restart releases the phantom meeting, frees the slot, and logs it',
  { timeout: 120_000 },
  async () => {
    const { dir } = tempDirForTest('leadbot-meeting-crash-');
    const crashed = await run(['scripts/meeting-crash-chat.ts'], {
      DATA_DIR: dir,
      LEADBOT_CRASH_AT: 'calendar-claim',
    });
    expect(crashed.stdout, crashed.stderr).toContain('offered');
    expect(crashed.stdout).not.toContain('booked');
    expect(crashed.ended).toBe('SIGKILL');

    const now = Date.now();
    const window = [
      new Date(now).toISOString(),
      new Date(now + TWO_WEEKS_MS).toISOString(),
    ] as const;
    const [phantom, ...others] = await (
      await createLowdbCalendar({ dataDir: dir })
    ).meetingsBetween(...window);
    expect(others).toEqual([]);
    expect(phantom).toMatchObject({ status: 'booked' });
    const slot = { start: phantom!.start, end: phantom!.end };

    const restarted = await run(['src/main.ts'], { DATA_DIR: dir, PORT: '0' }, (out) =>
      out.includes('leadbot listening'),
    );
    expect(restarted.stdout, restarted.stderr).toContain('leadbot listening');
    const repaired = restarted.stderr
      .split('\n')
      .filter((l) => l.includes('released a meeting that no conversation refers to'))
      .map((l) => JSON.parse(l));
    expect(repaired).toEqual([
      expect.objectContaining({
        level: 'warn',
        meetingId: phantom!.id,
        conversationId: phantom!.conversationId,
        start: slot.start,
        repId: phantom!.repId,
      }),
    ]);

    const calendar = await createLowdbCalendar({ dataDir: dir });
    expect(await calendar.get(phantom!.id)).toMatchObject({ status: 'canceled' });
    expect(await calendar.busy(slot.start, slot.end)).toEqual([]);
    const store = await createLowdbStore({ dataDir: dir });
    const conversation = await store.getConversation(phantom!.conversationId);
    expect(conversation?.meeting ?? null).toBeNull();
    expect(conversation?.outbox.filter((e) => e.type.startsWith('meeting.'))).toEqual([]);
    await store.close();
  },
);
