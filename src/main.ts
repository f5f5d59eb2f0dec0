import { createCore } from './app/create-core.js';
import { randomIds } from './app/sequential-ids.js';
import { createLowdbCalendar } from './booking/lowdb-calendar.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createChatService } from './conversation/create-chat-service.js';
import { createLlmParts } from './extract/llm/create-llm-parts.js';
import { createAdminRouter } from './server/admin-router.js';
import { createDestinations } from './handoff/delivery/create-destinations.js';
import { createDeliveryWorker } from './handoff/delivery/delivery-worker.js';
import { createLowdbDeliveryStore } from './handoff/delivery/lowdb-delivery-store.js';
import { withOutbox } from './handoff/outbox/with-outbox.js';
import { describeLlmSetup } from './llm/describe-llm-setup.js';
import { reportChatError } from './llm/report-chat-error.js';
import { createBookingsRouter } from './server/bookings-router.js';
import { createLeadsRouter } from './server/leads-router.js';
import { createLlmUsageRouter } from './server/llm-usage-router.js';
import { startServer } from './server/start-server.js';
import { createLowdbStore } from './store/lowdb-store.js';
import { isAppError } from './errors/app-error.js';
import { createKeyedQueue } from './lib/keyed-queue.js';
import { stderrDebugLogger, stderrLogger } from './lib/logger.js';
import { createEmailDestinations } from './email/email-destinations.js';
import { createBookingGuard } from './booking/booking-guard.js';
import { loadServerSecret } from './lib/server-secret.js';
import { createSmtpMailer } from './email/smtp-mailer.js';
import { createConfirmRouter } from './server/confirm-router.js';

/** The composition root: builds the real parts from config and environment, then serves. */
async function main(): Promise<void> {
  const { config, runtime, file } = loadConfig();
  config.server.publicUrl ??= `http://localhost:${config.server.port}`;
  const clock = (): Date => new Date();

  // Storage: conversations, meetings, and the handoff outbox beside them.
  const baseStore = await createLowdbStore({ dataDir: config.dataDir, logger: stderrLogger });
  const calendar = await createLowdbCalendar({ dataDir: config.dataDir, clock });
  const deliveries = await createLowdbDeliveryStore({ dataDir: config.dataDir });
  // Meeting invites by email ride the same persistent outbox as the webhooks.
  const secret = loadServerSecret(config.dataDir, process.env);
  const mailer = createSmtpMailer(config.email, process.env);
  if (mailer === null && config.booking.confirmEmail)
    throw new ConfigError('booking.confirmEmail needs an SMTP server to send from: set email.smtp');
  if (mailer === null)
    stderrLogger.warn('no SMTP server configured (email.smtp): meeting invites are not emailed');
  const mail = mailer ? createEmailDestinations({ config, calendar, mailer, secret }) : [];
  const worker = createDeliveryWorker({
    store: baseStore,
    deliveries,
    destinations: [...createDestinations(config, runtime), ...mail],
    config,
    clock,
    logger: stderrLogger,
  });
  const store = withOutbox(baseStore, worker.outbox);
  await worker.start({ loop: true }); // recovers handoffs queued before a restart

  // Understanding and wording: rules always, the LLM when a key or base URL is set.
  // LOG_LEVEL=debug adds one line per LLM turn (calls, tokens, time, fallbacks).
  const llmLogger = process.env.LOG_LEVEL === 'debug' ? stderrDebugLogger : stderrLogger;
  const llm = createLlmParts(config, runtime, { logger: llmLogger });
  const setup = llm ? describeLlmSetup(config, runtime) : null;
  for (const warning of setup?.warnings ?? []) stderrLogger.warn(warning);
  const core = createCore(config, {
    llm: llm?.extractor ?? null,
    onPromptError: (e) =>
      stderrLogger.warn('prompt template error; the last good version stays live', { ...e }),
  });
  // One queue per conversation for every writer: the chat's turns and the booking page's changes.
  const queue = createKeyedQueue();
  // Bookings and holds per client: the IP is known by its keyed hash only.
  const bookingGuard = createBookingGuard({ limits: config.booking.limits, secret, clock });
  const chatService = createChatService({
    queue,
    bookingGuard,
    config,
    store,
    calendar,
    ...core,
    phraser: llm?.phraser ?? null,
    clock,
    newId: randomIds,
    // Model failures are logged once by LLM mode itself; this reports everything else.
    onError: reportChatError(stderrLogger),
  });

  const server = await startServer({
    config,
    chatService,
    logger: stderrLogger,
    routers: [
      createBookingsRouter({ calendar, store, config, clock, queue }),
      createConfirmRouter({ calendar, store, config, secret, clock, queue }),
      createAdminRouter({ adminToken: runtime.adminToken, deliveries, worker }),
      createLeadsRouter({ adminToken: runtime.adminToken, store, config }),
      createLlmUsageRouter({ adminToken: runtime.adminToken, llm }),
    ],
  });
  const mode = setup?.line ?? 'rules mode';
  process.stdout.write(
    `leadbot listening on ${server.url} (${mode}, data in ${config.dataDir}${file ? `, config ${file}` : ', default config'})\n`,
  );

  const stop = (): void => {
    void server
      .close()
      .then(() => worker.stop())
      .then(() => deliveries.close())
      .then(() => store.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  // Our own errors say what is wrong and what to do; a stack trace would only bury that.
  else if (isAppError(e)) process.stderr.write(`leadbot failed to start: ${e.message}\n`);
  else
    process.stderr.write(
      `leadbot failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
  process.exit(1);
});
