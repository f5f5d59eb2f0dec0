import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createCore } from '../app/create-core.js';
import { randomIds } from '../app/sequential-ids.js';
import { createMemoryCalendar } from '../booking/memory-calendar.js';
import { loadConfig } from '../config/load-config.js';
import type { ChatMessage } from '../conversation/conversation-schema.js';
import { createChatService } from '../conversation/create-chat-service.js';
import { VisitorSchema } from '../lead/visitor.js';
import { createMemoryStore } from '../store/memory-store.js';
import { formatLeadPanel } from './format-lead-panel.js';

/**
 * `npm run chat`: talk to the agent in the terminal, in rules mode, and watch the lead record,
 * score breakdown, grade and stage fill in. Prompts are re-read at every message.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      page: { type: 'string', default: 'https://beacon.example/' },
      timezone: { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().timeZone },
      locale: { type: 'string', default: 'en-US' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const { config } = loadConfig();
  const core = createCore(config, {
    onPromptError: (e) =>
      stdout.write(
        `\n[prompts] ${e.file}:${e.line}: ${e.message} (the last good version stays live)\n`,
      ),
  });
  const store = createMemoryStore();
  const service = createChatService({
    config,
    store,
    calendar: createMemoryCalendar([], { clock: () => new Date() }),
    ...core,
    clock: () => new Date(),
    newId: randomIds,
  });
  const visitor = VisitorSchema.parse({
    timezone: values.timezone,
    locale: values.locale,
    page: values.page,
    referrer: null,
    utm: null,
  });

  const show = (m: Pick<ChatMessage, 'text' | 'quickReplies'>): void => {
    stdout.write(`\n\x1b[36m${config.company.agentName}:\x1b[0m ${m.text}\n`);
    const qr = m.quickReplies ?? [];
    if (qr.length > 0) stdout.write(qr.map((q, i) => `  [${i + 1}] ${q.label}`).join('\n') + '\n');
  };
  const hello = await service.hello({ visitor });
  hello.messages.forEach(show);
  stdout.write(
    '\n(type your answers; a number picks a quick reply; /lead shows the record; /quit ends)\n',
  );

  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY === true });
  let last = hello.messages.at(-1);
  let n = 0;
  const prompt = (): void => {
    stdout.write('\n\x1b[33myou:\x1b[0m ');
  };
  prompt();
  // The async iterator buffers lines typed (or piped) while the agent is still answering.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit') break;
    if (line === '/lead') {
      const conv = await service.conversation(hello.conversationId);
      if (conv) stdout.write(formatLeadPanel(conv, config));
      prompt();
      continue;
    }
    if (line === '') {
      prompt();
      continue;
    }
    if (!stdin.isTTY) stdout.write(`${line}\n`);
    const pick = /^\d+$/.test(line) ? last?.quickReplies?.[Number(line) - 1] : undefined;
    const text = pick ? pick.value : line;
    const replies: ChatMessage[] = [];
    const r = await service.receive(hello.conversationId, { clientId: `cli-${++n}`, text }, (e) => {
      if (e.type === 'agent:message') replies.push({ ...e.payload, role: 'agent', at: '' });
    });
    await r.reply;
    const after = await service.conversation(hello.conversationId);
    if (after && !values.quiet) stdout.write(formatLeadPanel(after, config));
    replies.forEach(show);
    last = replies.at(-1) ?? last;
    if (last?.final) stdout.write('\n(the agent closed the chat; you can keep typing, or /quit)\n');
    prompt();
  }
  rl.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`chat: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
