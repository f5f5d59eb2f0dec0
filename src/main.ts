import { createCore } from './app/create-core.js';
import { randomIds } from './app/sequential-ids.js';
import { createLowdbCalendar } from './booking/lowdb-calendar.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createLlmParts } from './extract/llm/create-llm-parts.js';
import { createChatService } from './conversation/create-chat-service.js';
import { startServer } from './server/start-server.js';
import { stderrLogger } from './server/server-deps.js';
import { createLowdbStore } from './store/lowdb-store.js';

/** The composition root: builds the real parts from config and environment, then serves. */
async function main(): Promise<void> {
  const { config, runtime, file } = loadConfig();
  config.server.publicUrl ??= `http://localhost:${config.server.port}`;
  const store = await createLowdbStore({ dataDir: config.dataDir });
  const calendar = await createLowdbCalendar({ dataDir: config.dataDir });
  const llm = createLlmParts(config, runtime, { logger: stderrLogger });
  const core = createCore(config, { llm: llm?.extractor ?? null, onPromptError: (e) => stderrLogger.warn('prompt template error; the last good version stays live', { ...e }) });
  const chatService = createChatService({
    config, store, calendar, ...core, phraser: llm?.phraser ?? null, clock: () => new Date(), newId: randomIds,
    onError: (error, where) => stderrLogger.error(`chat ${where} failed`, { error: error instanceof Error ? error.message : String(error) }),
  });
  const server = await startServer({ config, chatService, logger: stderrLogger });
  const mode = runtime.openaiApiKey || runtime.llmBaseUrl ? 'LLM' : 'rules';
  process.stdout.write(`leadbot listening on ${server.url} (${mode} mode, data in ${config.dataDir}${file ? `, config ${file}` : ', default config'})\n`);

  const stop = (): void => {
    void server.close().then(() => store.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`leadbot failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
