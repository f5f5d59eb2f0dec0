import { z } from 'zod';
import { VisitorSchema } from '../lead/visitor.js';

const slotAnswers = z
  .object({
    need: z.string(),
    authority: z.string(),
    company: z.string(),
    budget: z.string(),
    timeline: z.string(),
    contact: z.string(),
    booking: z.string(),
  })
  .partial()
  .strict();

/** One labelled conversation (shared corpus format: one JSON object per line). */
export const CorpusItemSchema = z.object({
  id: z.string().min(1),
  now: z.iso.datetime({ offset: true }),
  visitor: VisitorSchema,
  opening: z.string(),
  answers: slotAnswers.default({}),
  expected: z.record(z.string(), z.unknown()),
});
export type CorpusItem = z.output<typeof CorpusItemSchema>;

export class CorpusError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CorpusError';
  }
}

/** Parses a JSONL corpus; throws CorpusError naming the first bad line. Blank lines are skipped. */
export function parseCorpus(text: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new CorpusError(
        i + 1,
        `not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const parsed = CorpusItemSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CorpusError(
        i + 1,
        `${issue?.path.join('.') || '(item)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    items.push(parsed.data);
  });
  return items;
}
