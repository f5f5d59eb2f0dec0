import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigSchema, type Config } from './config-schema.js';

/** Settings that come from the environment only (secrets and deployment). */
export type RuntimeEnv = {
  openaiApiKey: string | null;
  llmBaseUrl: string | null;
  llmModel: string | null;
  crmWebhookUrl: string | null;
  crmWebhookSecret: string | null;
  adminToken: string | null;
};

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** "booking.hours.start: expected HH:MM (24 h)" for each issue. */
export function formatIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map(
      (i) =>
        `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)'}: ${i.message}`,
    )
    .join('\n');
}

/** Validates a raw config object; throws ConfigError naming every bad field. */
export function parseConfig(raw: unknown, source = 'config'): Config {
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(`Invalid ${source}:\n${formatIssues(parsed.error)}`);
  return parsed.data;
}

const nonEmpty = (v: string | undefined): string | null =>
  v === undefined || v.trim() === '' ? null : v.trim();

/**
 * Loads `leadbot.config.json` from `cwd` (or the file in LEADBOT_CONFIG), then applies the
 * environment overrides of DESIGN.md "Running it". With neither, returns the shipped defaults.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): { config: Config; runtime: RuntimeEnv; file: string | null } {
  const explicit = nonEmpty(env.LEADBOT_CONFIG);
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, 'leadbot.config.json');
  let raw: unknown = {};
  let used: string | null = null;
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
      used = file;
    } catch (e) {
      throw new ConfigError(
        `Invalid config file ${file}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  } else if (explicit) {
    throw new ConfigError(`LEADBOT_CONFIG points to ${file}, which does not exist`);
  }
  const config = parseConfig(raw, used ? `config file ${used}` : 'config');

  const port = nonEmpty(env.PORT);
  if (port !== null) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new ConfigError(`PORT: expected a port number 0-65535, got "${port}"`);
    config.server.port = n;
  }
  const dataDir = nonEmpty(env.DATA_DIR);
  if (dataDir !== null) config.dataDir = dataDir;
  const origins = nonEmpty(env.ALLOWED_ORIGINS);
  if (origins !== null)
    config.server.allowedOrigins = origins
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  const publicUrl = nonEmpty(env.PUBLIC_URL);
  if (publicUrl !== null) {
    if (!z.url().safeParse(publicUrl).success)
      throw new ConfigError(`PUBLIC_URL: expected a URL, got "${publicUrl}"`);
    config.server.publicUrl = publicUrl.replace(/\/+$/, '');
  }
  const model = nonEmpty(env.LLM_MODEL);
  if (model !== null) config.llm.model = model;

  const runtime: RuntimeEnv = {
    openaiApiKey: nonEmpty(env.OPENAI_API_KEY),
    llmBaseUrl: nonEmpty(env.LLM_BASE_URL),
    llmModel: model,
    crmWebhookUrl: nonEmpty(env.CRM_WEBHOOK_URL),
    crmWebhookSecret: nonEmpty(env.CRM_WEBHOOK_SECRET),
    adminToken: nonEmpty(env.ADMIN_TOKEN),
  };
  if (runtime.crmWebhookUrl !== null && !z.url().safeParse(runtime.crmWebhookUrl).success) {
    throw new ConfigError(`CRM_WEBHOOK_URL: expected a URL, got "${runtime.crmWebhookUrl}"`);
  }
  return { config, runtime, file: used };
}

/** The defaults, for tests and the eval. */
export function defaultConfig(): Config {
  return parseConfig({});
}
