import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/app/create-core.js';
import { sequentialIds } from '../../src/app/sequential-ids.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import type { Config } from '../../src/config/config-schema.js';
import { createChatService } from '../../src/conversation/create-chat-service.js';
import type { Extractor } from '../../src/extract/extractor.js';
import { parseCorpus, type CorpusItem } from '../../src/eval/corpus-schema.js';
import { runEval } from '../../src/eval/run-eval.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { extractionReply, isExtractRequest, said } from '../fakes/fake-extraction.js';
import { fakeLlmForTest } from '../helpers/fake-llm-for-test.js';
import { PROMPTS_DIR } from '../helpers/test-deps.js';

// Two fictional conversations in the shared corpus format.
const CORPUS = [
  {
    id: 'llm-eval-1',
    now: '2026-05-05T14:00:00Z',
    visitor: {
      timezone: 'America/Chicago',
      locale: 'en-US',
      page: 'https://beacon.example/pricing',
      referrer: null,
      utm: null,
    },
    opening: 'Hello! Our support inbox gets flooded with sales questions and nobody routes them.',
    answers: {
      authority: "I'm the VP of Sales, so it's my call.",
      company: 'Orchid Robotics, roughly 150 employees.',
      budget: 'About 25k a year.',
      timeline: 'Within the next two months.',
      contact: 'Theo Park, theo.park@orchid-robotics.example',
      booking: '@first',
    },
    expected: {
      'company.name': 'Orchid Robotics',
      'company.size': 150,
      'authority.level': 'decision_maker',
      'budget.amount': 25000,
      'contact.email': 'theo.park@orchid-robotics.example',
    },
  },
  {
    id: 'llm-eval-2',
    now: '2026-05-05T09:00:00Z',
    visitor: { timezone: 'Europe/London', locale: 'en-GB', page: null, referrer: null, utm: null },
    // Said in words the rules have no pattern for: only the model reads a researcher here.
    opening: 'Gathering notes on chat tools for a seminar I teach next term.',
    answers: { need: 'Learning how chat tools qualify leads.' },
    expected: { 'authority.level': 'researcher', 'budget.amount': null },
  },
]
  .map((item) => JSON.stringify(item))
  .join('\n');

/** The eval's per-item service (as createEvalService builds it), with the given extractor in the core. */
function serviceFor(config: Config, extractor: Extractor | null) {
  return (item: CorpusItem) => {
    let t = Date.parse(item.now);
    return createChatService({
      config,
      store: createMemoryStore(),
      calendar: createMemoryCalendar(),
      ...createCore(config, { promptsDir: PROMPTS_DIR, llm: extractor }),
      clock: () => new Date((t += 5_000)),
      newId: sequentialIds(item.id),
    });
  };
}

describe('the eval in LLM mode against the fake model', () => {
  it('when the fake model finds nothing, then the eval still completes and scores the same as rules mode, because the rules run too', async () => {
    const llm = await fakeLlmForTest();
    llm.fake.always(extractionReply());
    const items = parseCorpus(CORPUS);
    const inLlmMode = await runEval(items, llm.config, serviceFor(llm.config, llm.parts.extractor));
    const inRulesMode = await runEval(items, llm.config, serviceFor(llm.config, null));
    expect(llm.fake.requests.length).toBeGreaterThan(5);
    expect(llm.fake.requests.every(isExtractRequest)).toBe(true);
    expect(inLlmMode.items).toBe(2);
    expect(inLlmMode.fields).toEqual(inRulesMode.fields);
    expect(inLlmMode.stageAccuracy).toBe(inRulesMode.stageAccuracy);
  });

  it('when the fake model fails on every call, then the eval still completes on rules', async () => {
    const llm = await fakeLlmForTest();
    llm.fake.always({ type: 'error', status: 500 });
    const report = await runEval(
      parseCorpus(CORPUS),
      llm.config,
      serviceFor(llm.config, llm.parts.extractor),
    );
    expect(report.items).toBe(2);
    expect(llm.parts.usage.total().fallbacks).toBeGreaterThan(0);
    // After three failures in a row the breaker skips the model: fewer requests than turns.
    expect(llm.fake.requests).toHaveLength(3);
  });

  it('when the model reads what the rules miss, then the eval scores it higher than rules mode', async () => {
    const llm = await fakeLlmForTest();
    llm.fake.always((req) => {
      const text = req.body.messages.at(-1)?.content ?? '';
      return text.includes('seminar I teach')
        ? extractionReply({ authority: { level: said('researcher', 'for a seminar I teach') } })
        : extractionReply();
    });
    const items = parseCorpus(CORPUS);
    const inRulesMode = await runEval(items, llm.config, serviceFor(llm.config, null));
    const inLlmMode = await runEval(items, llm.config, serviceFor(llm.config, llm.parts.extractor));
    expect(inRulesMode.fields['authority.level']).toEqual({ correct: 1, total: 2 });
    expect(inLlmMode.fields['authority.level']).toEqual({ correct: 2, total: 2 });
  });
});
