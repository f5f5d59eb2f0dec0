import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analytics/build-report.js';
import { runReportCli } from '../../src/cli/report.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';
import { seed } from '../unit/analytics/report-data.js';

const NOW = new Date('2026-01-10T00:00:00.000Z');

/** A data folder holding the seeded conversations, as a stopped server leaves it. */
async function seededDataDir(): Promise<string> {
  const { dir } = tempDirForTest('leadbot-report-');
  const store = await createLowdbStore({ dataDir: dir });
  for (const conv of seed()) await store.saveConversation(conv);
  await store.close();
  return dir;
}

async function cli(dir: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReportCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { DATA_DIR: dir },
    cwd: dir,
    clock: () => NOW,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run report', () => {
  it('prints with --json the report of the stored conversations, in the company time zone', async () => {
    const dir = await seededDataDir();
    const { code, out, err } = await cli(
      dir,
      '--from',
      '2026-01-05',
      '--to',
      '2026-01-06',
      '--json',
    );
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const expected = buildReport(seed(), {
      from: '2026-01-05',
      to: '2026-01-06',
      timezone: 'America/New_York',
      now: NOW,
    });
    expect(JSON.parse(out)).toEqual(expected);
    expect(expected.funnel.conversations).toBe(6);
  });

  it('prints tables a marketer can read without --json', async () => {
    const dir = await seededDataDir();
    const { code, out } = await cli(dir, '--from', '2026-01-05', '--to', '2026-01-06');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'Report 2026-01-05 to 2026-01-06 (America/New_York); conversations by the day they started',
    );
    expect(out).toMatch(/^engaged\s+5\s+83%$/m);
    expect(out).toMatch(/^company\s+2\s+1\s+1\s+0\s+1\s+10 s$/m);
    expect(out).toMatch(
      /^google \/ cpc \/ winter\s+google\.com\s+\/pricing\s+2\s+2\s+1\s+1\s+1\s+1\s+95 s$/m,
    );
    expect(out).toContain('canceled after booking: 1');
    expect(out).toContain('Speed to lead: 2 leads touched, median 77.5 s');
  });

  it('reports zeros for a data folder with nothing stored, and creates nothing', async () => {
    const { dir } = tempDirForTest('leadbot-report-empty-');
    const { code, out } = await cli(dir, '--from', '2026-01-01', '--to', '2026-01-31', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).funnel).toEqual({
      conversations: 0,
      engaged: 0,
      lead: 0,
      mql: 0,
      sql: 0,
      booked: 0,
      canceled: 0,
    });
  });

  it.each([
    [['--from', '2026-01-05'], '--from and --to are both required'],
    [
      ['--from', '01/05/2026', '--to', '2026-01-06'],
      '--from "01/05/2026" must be a date as YYYY-MM-DD',
    ],
    [
      ['--from', '2026-01-05', '--to', '2026-13-01'],
      '--to "2026-13-01" is not a day of the calendar',
    ],
    [['--from', '2026-02-01', '--to', '2026-01-31'], '--from 2026-02-01 is after --to 2026-01-31'],
    [['--from', '2026-01-05', '--to', '2026-01-06', '--csv'], "Unknown option '--csv'"],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const dir = await seededDataDir();
    const { code, out, err } = await cli(dir, ...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--json]');
  });
});
