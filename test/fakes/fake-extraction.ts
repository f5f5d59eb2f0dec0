import type { LlmExtraction } from '../../src/extract/llm/extraction-schema.js';
import type { FakeReply, FakeRequest } from './fake-openai-server.js';

type Groups = Omit<LlmExtraction, 'signals'>;
/** Only the parts a test cares about; everything else is "not said". */
export type ExtractionScript = { [G in keyof Groups]?: Partial<Groups[G]> } & {
  signals?: Partial<LlmExtraction['signals']>;
};

/** What a well-behaved model answers for a message that says nothing: every field empty. */
export function emptyExtraction(): LlmExtraction {
  return {
    contact: { name: null, email: null, phone: null },
    company: { name: null, size: null, industry: null },
    authority: { role: null, level: null },
    budget: { amount: null, currency: null, period: null, status: null },
    need: { summary: null },
    timeline: { targetDate: null, noPlan: null },
    intent: { demo: null },
    consent: { contact: null },
    signals: { declined: false, wantsHuman: false, question: null },
  };
}

/** A full extraction answer with the given parts filled in. */
export function extraction(script: ExtractionScript = {}): LlmExtraction {
  const base = emptyExtraction();
  return {
    contact: { ...base.contact, ...script.contact },
    company: { ...base.company, ...script.company },
    authority: { ...base.authority, ...script.authority },
    budget: { ...base.budget, ...script.budget },
    need: { ...base.need, ...script.need },
    timeline: { ...base.timeline, ...script.timeline },
    intent: { ...base.intent, ...script.intent },
    consent: { ...base.consent, ...script.consent },
    signals: { ...base.signals, ...script.signals },
  };
}

/** A proposed value with its evidence, as the model writes it. */
export function said<T>(value: T, evidence: string): { value: T; evidence: string } {
  return { value, evidence };
}

/** The fake's reply carrying an extraction as JSON content. */
export function extractionReply(script: ExtractionScript = {}): FakeReply {
  return { type: 'content', content: JSON.stringify(extraction(script)) };
}

/** True for an extraction request (structured output or JSON mode), false for a phrasing one (streamed). */
export function isExtractRequest(request: FakeRequest): boolean {
  return request.body.stream !== true;
}
