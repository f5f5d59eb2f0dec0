import { createCore } from './app/create-core.js';
import { randomIds } from './app/sequential-ids.js';
import { createLowdbCalendar } from './booking/lowdb-calendar.js';
import { releaseOrphanMeetings } from './booking/repair-meetings.js';
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
import { adminTokenWarning } from './server/limits/admin-token-strength.js';
import { configureAdminAttempts } from './server/require-admin.js';
import { createLowdbStore } from './store/lowdb-store.js';
import { createCancelNotifier } from './privacy/cancel-notice.js';
import { startRetention } from './privacy/start-retention.js';
import { createPrivacyRouter } from './server/privacy-router.js';
import { isAppError } from './errors/app-error.js';
import { createKeyedQueue } from './lib/keyed-queue.js';
import { stderrDebugLogger, stderrLogger } from './lib/logger.js';
import { createEmailDestinations } from './email/email-destinations.js';
import { createBookingGuard } from './booking/booking-guard.js';
import { loadServerSecret } from './lib/server-secret.js';
import { createSmtpMailer } from './email/smtp-mailer.js';
import { createConfirmRouter } from './server/confirm-router.js';
import { createConsoleRouter } from './server/console-router.js';
import { createConsoleLeadsRouter } from './server/console-leads-router.js';
import { createLowdbUserStore } from './console/users/lowdb-user-store.js';
import { attachConsoleNamespace } from './console/live/console-namespace.js';
import { createSaveEvents, observeSaves } from './store/save-events.js';
import { withStageHistory } from './analytics/record-stages.js';
import { createRepDesk } from './console/live/rep-desk.js';
import { attachTakeoverEvents } from './console/live/takeover-events.js';
import { createTypingRelay } from './server/typing-relay.js';
import { inboxProjection } from './console/inbox/inbox-row.js';
import { createInboxRouter } from './server/inbox-router.js';
import { createTemplateVersioning } from './prompts/versions/template-versioning.js';
import { createTemplatesRouter } from './server/console-templates-router.js';
import { createExperimentsRouter } from './server/console-experiments-router.js';
import { createExperimenting } from './experiments/experimenting.js';

import { createChatPreviewRouter } from './server/console-chat-preview-router.js';
import { createRulesExtractor } from './extract/rules/rules-extractor.js';

import { createTemplatePagesRouter } from './server/console-template-pages-router.js';

import { openAnalyticsIndexFile } from './analytics/analytics-index-file.js';
import { observeErases } from './store/observe-erases.js';
import { createAnalyticsRouter } from './server/console-analytics-router.js';

/** The composition root: builds the real parts from config and environment, then serves. */
async function main(): Promise<void> {
  const { config, runtime, file } = loadConfig();
  config.server.publicUrl ??= `http://localhost:${config.server.port}`;
  const clock = (): Date => new Date();

  // Storage: conversations, meetings, and the handoff outbox beside them.
  const baseStore = await createLowdbStore({
    dataDir: config.dataDir,
    logger: stderrLogger,
    inbox: inboxProjection(config),
  });
  const calendar = await createLowdbCalendar({ dataDir: config.dataDir, clock });
  // Meetings booked by a server killed before it saved their conversation: freed before serving.
  await releaseOrphanMeetings({ calendar, store: baseStore, clock, logger: stderrLogger });
  const deliveries = await createLowdbDeliveryStore({ dataDir: config.dataDir });
  // The key of the meeting links (and other signed values); read once, shared by every part,
  // after the store has checked that the data folder can be written.
  const secret = loadServerSecret(config.dataDir, process.env);
  // Meeting invites by email ride the same persistent outbox as the webhooks.
  const mailer = createSmtpMailer(config.email, process.env);
  if (mailer === null && config.booking.confirmEmail)
    throw new ConfigError('booking.confirmEmail needs an SMTP server to send from: set email.smtp');
  if (mailer === null)
    stderrLogger.warn('no SMTP server configured (email.smtp): meeting invites are not emailed');
  const mail = mailer ? createEmailDestinations({ config, calendar, mailer, secret }) : [];
  const destinations = [...createDestinations(config, runtime), ...mail];
  const worker = createDeliveryWorker({
    store: baseStore,
    deliveries,
    destinations,
    config,
    clock,
    logger: stderrLogger,
    secret,
  });
  // Every landed save is announced to the console (live inbox, lead pages) before hand-over.
  const saves = createSaveEvents();
  // Every writer's save records the funnel stages reached (analytics: stageHistory).
  const staged = withStageHistory(baseStore, config, clock);
  // Analytics: one facts row per conversation (<dataDir>/analytics), current on saves and erases.
  const analytics = await openAnalyticsIndexFile({
    dataDir: config.dataDir,
    store: baseStore,
    logger: stderrLogger,
  });
  saves.on(({ conversation }) => analytics.saved(conversation));
  const store = observeErases(withOutbox(observeSaves(staged, saves), worker.outbox), (id) =>
    analytics.erased(id),
  );
  await worker.start({ loop: true }); // recovers handoffs queued before a restart

  // Understanding and wording: rules always, the LLM when a key or base URL is set.
  // LOG_LEVEL=debug adds one line per LLM turn (calls, tokens, time, fallbacks).
  const llmLogger = process.env.LOG_LEVEL === 'debug' ? stderrDebugLogger : stderrLogger;
  const llm = createLlmParts(config, runtime, { logger: llmLogger });
  const setup = llm ? describeLlmSetup(config, runtime) : null;
  for (const warning of setup?.warnings ?? []) stderrLogger.warn(warning);
  // Published template versions (<dataDir>/console/template-versions.json): the latest is live.
  const templates = await createTemplateVersioning(config, stderrLogger);
  // A/B experiments on templates (<dataDir>/console/experiments.json): each conversation's variant.
  const lab = await createExperimenting(config, stderrLogger, {
    templates,
    conversations: store,
    newId: () => `exp_${randomIds()}`,
  });
  const core = createCore(config, {
    published: templates.live,
    experiments: lab.live,
    llm: llm?.extractor ?? null,
    onPromptError: (e) =>
      stderrLogger.warn('prompt template error; the last good version stays live', { ...e }),
  });
  // One queue per conversation for every writer: the chat's turns and the booking page's changes.
  const queue = createKeyedQueue();
  // Bookings and holds per client: the IP is known by its keyed hash only.
  const bookingGuard = createBookingGuard({ limits: config.booking.limits, secret, clock });
  // Live takeover: the reps online and the wait after "someone is coming" (in memory).
  const desk = createRepDesk({ joinTimeoutSeconds: config.console.joinTimeoutSeconds });
  const visitorTyping = createTypingRelay();
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
    secret,
    reps: desk,
    // Model failures are logged once by LLM mode itself; this reports everything else.
    onError: reportChatError(stderrLogger),
  });

  configureAdminAttempts(config.limits.adminFailuresPerIp, stderrLogger);
  const weakToken = adminTokenWarning(runtime.adminToken);
  if (weakToken !== null) stderrLogger.warn(weakToken);

  // Data rights: find, export and erase one person; expire what is older than retention.days.
  const privacy = { store, calendar, deliveries, clock, queue };
  const notifyCanceled = createCancelNotifier({
    config,
    destinations,
    disabledDestinations: () => deliveries.disabledDestinations(),
    clock,
    newId: randomIds,
  });
  const retention = startRetention({
    ...privacy,
    days: config.retention.days,
    logger: stderrLogger,
  });

  // The rep console: users in <dataDir>/console/users.json (npm run users), sessions in memory.
  const consoleUsers = await createLowdbUserStore({ dataDir: config.dataDir });
  const consoleUi = createConsoleRouter({ users: consoleUsers, config, logger: stderrLogger });

  const server = await startServer({
    config,
    chatService,
    logger: stderrLogger,
    routers: [
      createBookingsRouter({ calendar, store, config, clock, queue, secret }),
      createConfirmRouter({ calendar, store, config, secret, clock, queue }),
      createAdminRouter({ adminToken: runtime.adminToken, deliveries, worker }),
      createLeadsRouter({ adminToken: runtime.adminToken, store, config }),
      createLlmUsageRouter({ adminToken: runtime.adminToken, llm }),
      createPrivacyRouter({ adminToken: runtime.adminToken, ...privacy, notifyCanceled }),
      createInboxRouter({ store, config, consoleUi, adminToken: runtime.adminToken }),
      consoleUi.router,
      createTemplatesRouter({ history: templates.history, consoleUi, experiments: lab.store }),
      createExperimentsRouter({ experiments: lab.service, history: templates.history, consoleUi }),

      createChatPreviewRouter({
        ...core,
        rules: createRulesExtractor(config),
        config,
        clock,
        consoleUi,
      }),

      createTemplatePagesRouter({ history: templates.history, consoleUi, config }),

      createAnalyticsRouter({ analytics, config, consoleUi }),
      createConsoleLeadsRouter({
        auth: consoleUi.auth,
        store,
        calendar,
        deliveries,
        worker,
        config,
        clock,
        queue,
        secret,
        newId: randomIds,
      }),
    ],
    visitorTyping,
    sockets: [
      (io, ownOrigins) => {
        const live = attachConsoleNamespace(io, {
          auth: consoleUi.auth,
          saves,
          ownOrigins,
          logger: stderrLogger,
        });
        attachTakeoverEvents({
          io,
          live,
          auth: consoleUi.auth,
          takeover: chatService.live,
          conversation: chatService.conversation,
          desk,
          config,
          visitorTyping,
          logger: stderrLogger,
        });
      },
    ],
  });
  const mode = setup?.line ?? 'rules mode';
  process.stdout.write(
    `leadbot listening on ${server.url} (${mode}, data in ${config.dataDir}${file ? `, config ${file}` : ', default config'})\n`,
  );

  const stop = (): void => {
    void server
      .close()
      .then(() => desk.stop())
      .then(() => templates.live.stop())
      .then(() => retention.stop())
      .then(() => worker.stop())
      .then(() => analytics.close())
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
