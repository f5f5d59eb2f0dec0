import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { RuntimeEnv } from '../config/load-config.js';
import { DEFAULT_DESTINATION_ID } from '../handoff/delivery/create-destinations.js';

/** What `loadConfig` returned: the CLI reads the same file and variables as the server. */
export type LoadedConfig = { config: Config; runtime: RuntimeEnv; file: string | null };

/** The data folder the CLI reads, and how it was chosen, for every message that names it. */
export type DataDirInfo = { dir: string; label: string };

/**
 * The absolute data folder and where it came from: `/srv/leadbot/data (DATA_DIR)`,
 * `... (dataDir in /srv/leadbot/leadbot.config.json)` or `... (the default ./data; DATA_DIR is
 * not set in this shell)`, so an operator who ran the CLI without the server's environment sees
 * at once that it looked in the wrong place.
 *
 * @example describeDataDir(loadConfig(env, cwd), env, cwd).label // 'some/folder/data (DATA_DIR)'
 */
export function describeDataDir(
  loaded: LoadedConfig,
  env: NodeJS.ProcessEnv,
  cwd: string,
): DataDirInfo {
  const dir = path.resolve(cwd, loaded.config.dataDir);
  if ((env.DATA_DIR ?? '').trim() !== '') return { dir, label: `${dir} (DATA_DIR)` };
  if (loaded.file !== null && fileSetsDataDir(loaded.file))
    return { dir, label: `${dir} (dataDir in ${loaded.file})` };
  return { dir, label: `${dir} (the default ./data; DATA_DIR is not set in this shell)` };
}

function fileSetsDataDir(file: string): boolean {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof raw === 'object' && raw !== null && 'dataDir' in raw;
  } catch {
    return false; // loadConfig has read it already; a file gone since is no reason to fail here
  }
}

/**
 * Why a destination is unknown here: most often the CLI runs in a shell without the server's
 * CRM_WEBHOOK_URL (which sets up "default") or away from its config file.
 */
export function missingDestination(
  id: string,
  known: readonly string[],
  loaded: LoadedConfig,
  cwd: string,
): string {
  if (id === DEFAULT_DESTINATION_ID && loaded.runtime.crmWebhookUrl === null) {
    return `destination "${id}" is set up by CRM_WEBHOOK_URL, which is not set in this shell: run the command with the server's environment (CRM_WEBHOOK_URL, CRM_WEBHOOK_SECRET, DATA_DIR)`;
  }
  const config =
    loaded.file ?? `the config (no leadbot.config.json in ${cwd}; LEADBOT_CONFIG is not set)`;
  const ids = known.length === 0 ? 'none' : known.map((k) => `"${k}"`).join(', ');
  return `no destination "${id}" in ${config} (configured here: ${ids})`;
}
