import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, ServerProbe } from './server-protocol.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-child.ts');

/**
 * The V8 flags `npm start` runs the server with, read from package.json's start script
 * ("node --a --b --import tsx src/main.ts" gives --a and --b), so the bench measures the server
 * as it is shipped.
 */
export const START_FLAGS: string[] = (() => {
  const pkg: unknown = JSON.parse(
    readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'),
      'utf8',
    ),
  );
  const start =
    typeof pkg === 'object' &&
    pkg !== null &&
    'scripts' in pkg &&
    typeof pkg.scripts === 'object' &&
    pkg.scripts !== null &&
    'start' in pkg.scripts
      ? pkg.scripts.start
      : null;
  const words = typeof start === 'string' ? start.split(/\s+/) : [];
  const end = words.indexOf('--import');
  if (words[0] !== 'node' || end < 0)
    throw new Error(
      'package.json: the start script is expected to be "node <flags> --import tsx src/main.ts"',
    );
  return words.slice(1, end);
})();

/** A server running in its own process. */
export type ServerProcess = {
  url: string;
  /** The process's memory, CPU since the last probe, event-loop delay and logged errors. */
  probe(opts?: { collect?: boolean }): Promise<ServerProbe>;
  stop(): Promise<void>;
};

export type SpawnOptions = {
  kind: 'rules' | 'echo';
  /** The rules server's data folder. */
  dataDir?: string;
  /** Writes a V8 CPU profile of the server into this folder when it stops. */
  cpuProfileDir?: string | undefined;
};

/**
 * Forks scripts/bench/server-child.ts (through tsx) with the garbage collector exposed, and
 * resolves once it listens.
 *
 * @example
 *   const server = await spawnServer({ kind: 'rules', dataDir: path.join(os.tmpdir(), 'bench-data') });
 *   const { rss } = await server.probe({ collect: true });
 *   await server.stop();
 */
export async function spawnServer(opts: SpawnOptions): Promise<ServerProcess> {
  // The Node flags of `npm start`, plus --expose-gc for the memory probe; BENCH_NODE_FLAGS adds
  // more (e.g. "--trace-gc") to investigate a run.
  const execArgv = [
    ...START_FLAGS,
    '--import',
    'tsx',
    '--expose-gc',
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  if (opts.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`);
  const child = fork(CHILD, [opts.kind, opts.dataDir ?? ''], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (p: ServerProbe) => void>();
  let nextId = 0;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (raw: unknown) => {
      if (!isChildMessage(raw)) return;
      if (raw.type === 'ready') resolve(raw.url);
      else waiting.get(raw.id)?.(raw.probe);
    });
    void exited.then((code) =>
      reject(
        new Error(`the ${opts.kind} server exited with code ${String(code)} before listening`),
      ),
    );
  });

  const send = (m: ParentMessage): void => void child.send(m);
  return {
    url,
    probe: ({ collect = false } = {}) =>
      new Promise((resolve) => {
        const id = ++nextId;
        waiting.set(id, (p) => {
          waiting.delete(id);
          resolve(p);
        });
        send({ type: 'probe', id, collect });
      }),
    async stop() {
      if (child.connected) send({ type: 'stop' });
      await exited;
    },
  };
}

/** The child is ours, but IPC delivers `unknown`: a light shape check keeps the types honest. */
function isChildMessage(m: unknown): m is ChildMessage {
  return (
    typeof m === 'object' && m !== null && 'type' in m && (m.type === 'ready' || m.type === 'probe')
  );
}
