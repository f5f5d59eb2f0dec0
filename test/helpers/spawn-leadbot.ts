import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './test-deps.js';

export type SpawnedLeadbot = {
  url: string;
  dataDir: string;
  /** Everything the process wrote to stderr so far (its JSON log lines). */
  stderr(): string;
  /** Kills the process and removes its folder. */
  close(): Promise<void>;
};

/** A port no one listens on now (the OS picks it; the server takes it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts leadbot as `npm start` runs it (`node --import tsx src/main.ts`) in its own process:
 * rules mode, a free PORT, DATA_DIR in a temporary folder, no config file unless `config` is
 * given (then written and passed as LEADBOT_CONFIG). Resolves once it listens.
 *
 * @example const leadbot = closeAfterTest(await spawnLeadbot()); // leadbot.url
 */
export async function spawnLeadbot(
  opts: { config?: Record<string, unknown>; env?: Record<string, string> } = {},
): Promise<SpawnedLeadbot> {
  const data = { dir: mkdtempSync(path.join(tmpdir(), 'leadbot-abuse-')) };
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: path.join(data.dir, 'data'),
    OPENAI_API_KEY: '',
    LLM_BASE_URL: '',
    LEADBOT_CONFIG: '',
    ...opts.env,
  };
  if (opts.config) {
    const file = path.join(data.dir, 'leadbot.config.json');
    writeFileSync(file, JSON.stringify(opts.config));
    env.LEADBOT_CONFIG = file;
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(data.dir, { recursive: true, force: true });
  };
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('leadbot listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`leadbot exited with ${code}: ${err}`)));
  });
  await listening.catch(async (e: unknown) => {
    await close();
    throw e;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: env.DATA_DIR ?? '',
    stderr: () => err,
    close,
  };
}
