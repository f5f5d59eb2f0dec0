import { sequentialIds } from '../../app/sequential-ids.js';
import { createMemoryCalendar } from '../../booking/memory-calendar.js';
import type { Config } from '../../config/config-schema.js';
import type { QuickReply } from '../../conversation/conversation-schema.js';
import { createChatService } from '../../conversation/create-chat-service.js';
import type { Renderer } from '../../conversation/reply-renderer.js';
import { AppError } from '../../errors/app-error.js';
import type { Extractor } from '../../extract/extractor.js';
import { DEFAULT_VISITOR } from '../../lead/visitor.js';
import { checkTemplateDraft } from '../../prompts/check-template-draft.js';
import { compileTemplate } from '../../prompts/compile-template.js';
import { createHandlebarsEnv } from '../../prompts/handlebars-env.js';
import type { PromptProblem } from '../../prompts/prompt-problem.js';
import type { TemplateName } from '../../prompts/template-vars.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { draftRenderer } from './draft-renderer.js';

/** One message of a preview: `draft` marks the agent messages the draft's wording is in. */
export type PreviewMessage = {
  role: 'visitor' | 'agent' | 'rep';
  text: string;
  quickReplies: QuickReply[];
  template?: string;
  draft: boolean;
};

export type PlayDeps = {
  config: Config;
  /** The live wording (core.renderer): every template but the draft speaks as published. */
  renderer: Renderer;
  /** The knowledge-file answers (core.answer). */
  answer: (question: string) => string | null;
  /** The rules extractor: a preview never calls a model. */
  rules: Extractor;
  clock: () => Date;
};

export type PlayResult =
  | { ok: true; transcript: PreviewMessage[]; problems: PromptProblem[] }
  | { ok: false; problems: PromptProblem[] };

/**
 * Plays a conversation with a draft: a fresh conversation in a throwaway memory store and
 * calendar (nothing stored, sent, held or booked for real; rules mode, no LLM), the greeting,
 * then each visitor text in turn, answered by the real chat service. Refused (`ok: false`) when
 * the draft does not compile, or fails on the conversation's values; problems that do not stop
 * it from rendering (a quick reply the agent cannot read back) come with the transcript.
 *
 * @example await playDraft(deps, 'ask-budget', source, ['Ana', 'ana@acme.example'], 'UTC')
 */
export async function playDraft(
  deps: PlayDeps,
  name: TemplateName,
  source: string,
  visitorTexts: readonly string[],
  timezone: string,
): Promise<PlayResult> {
  const file = `${name}.hbs`;
  const problems = checkTemplateDraft(name, source, { config: deps.config });
  const compiled = compileTemplate(createHandlebarsEnv(), name, source, file);
  if (!compiled.ok)
    return { ok: false, problems: problems.length > 0 ? problems : compiled.problems };

  const renderer = draftRenderer(deps.renderer, name, compiled.template);
  const store = createMemoryStore();
  const errors: unknown[] = [];
  const chat = createChatService({
    config: deps.config,
    store,
    calendar: createMemoryCalendar([], { clock: deps.clock }),
    renderer,
    answer: deps.answer,
    extractor: deps.rules,
    fallback: deps.rules,
    phraser: null,
    clock: deps.clock,
    newId: sequentialIds('preview'),
    onError: (e) => errors.push(e),
  });
  const run = async (): Promise<string> => {
    const hello = await chat.hello({ visitor: { ...DEFAULT_VISITOR, timezone } });
    for (const [i, text] of visitorTexts.entries()) {
      const received = await chat.receive(hello.conversationId, { clientId: `v${i}`, text }, noop);
      await received.reply;
    }
    return hello.conversationId;
  };
  const id = await run().catch((e: unknown) => {
    errors.push(e);
    return null;
  });
  const failures = renderer.failures();
  if (failures.length > 0) return { ok: false, problems: failures };
  const conv = id === null ? null : await store.getConversation(id);
  if (conv === null || errors.length > 0) throw firstError(errors);

  const transcript = conv.messages.map((m) => ({
    role: m.role,
    text: m.text,
    quickReplies: m.quickReplies ?? [],
    ...(m.template === undefined ? {} : { template: m.template }),
    draft: m.role === 'agent' && (m.template === name || renderer.drafted(m.text)),
  }));
  return { ok: true, transcript, problems };
}

const noop = (): void => undefined;

/** What stopped the playthrough: a refusal as it was, anything else as an internal error. */
function firstError(errors: unknown[]): AppError {
  const first = errors[0];
  if (first instanceof AppError) return first;
  const why = first instanceof Error ? first.message : 'the conversation was not stored';
  return new AppError('INTERNAL', `the preview could not be played: ${why}`);
}
