import type { CorpusItem } from '../../src/eval/corpus-schema.js';
import type { LlmExtraction } from '../../src/extract/llm/extraction-schema.js';
import { REFUSAL } from '../../src/eval/run-item.js';
import { writesNumber } from '../../src/extract/llm/written-numbers.js';
import {
  addDays,
  localToday,
  parseIsoDate,
  toIsoDate,
} from '../../src/extract/rules/timeline-bucket.js';
import { emptyExtraction, isExtractRequest } from './fake-extraction.js';
import type { FakeReply, FakeRequest } from './fake-openai-server.js';

/** Which visitor message of an item a request reads: the opening or the answer to a slot. */
type MessageKey = 'opening' | keyof CorpusItem['answers'];

/** The slot whose answer states each labelled field. */
const SLOT_OF: Record<string, MessageKey> = {
  'contact.name': 'contact',
  'contact.email': 'contact',
  'contact.phone': 'contact',
  'company.name': 'company',
  'company.size': 'company',
  'authority.role': 'authority',
  'authority.level': 'authority',
  'budget.amount': 'budget',
  'budget.currency': 'budget',
  'budget.period': 'budget',
  'budget.status': 'budget',
  'timeline.bucket': 'timeline',
  'need.keywords': 'need',
  'need.summary': 'need',
};

/** Days from today that fall in each timeline bucket (see bucketFor). */
const BUCKET_DAYS: Record<string, number> = {
  immediate: 7,
  quarter: 60,
  half: 135,
  year: 270,
  later: 500,
};

const squash = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The labelled values that identify their group when another message writes them. */
const IDENTIFYING = new Set([
  'contact.name',
  'contact.email',
  'company.name',
  'company.size',
  'authority.role',
  'budget.amount',
]);

/** True when the labelled value is visibly written in the message (a name, an email, a number in any form). */
function writtenIn(field: string, value: unknown, text: string): boolean {
  if (!IDENTIFYING.has(field)) return false;
  if (typeof value === 'string' && value.length > 2) return squash(text).includes(squash(value));
  return typeof value === 'number' && writesNumber(value, text, 0);
}

/**
 * Whether a message states a labelled field: the answer to the field's slot does; the opening
 * does for a slot the item never answers; another message does when it writes the value itself
 * (a name, an email, a number in any form), and a budget when it writes the amount.
 */
function states(item: CorpusItem, key: MessageKey, text: string, field: string): boolean {
  const slot = SLOT_OF[field];
  if (slot === undefined) return false;
  if (slot === key) return true;
  if (key === 'opening' && item.answers[slot as keyof CorpusItem['answers']] === undefined)
    return true;
  const anchor = field.startsWith('budget.') ? 'budget.amount' : field;
  const value = item.expected[anchor];
  return value !== null && value !== undefined && writtenIn(anchor, value, text);
}

/**
 * The extraction an always-right model gives for one message of a labelled item: exactly the
 * labelled values of the fields that message states, each with the whole message as evidence
 * (a timeline bucket as a date in that bucket from today; need as the message itself).
 * @example answerFor(item, 'budget', '₹2.5L a month', '2026-03-02').budget.amount // { value: 250000, evidence: '₹2.5L a month' }
 */
export function answerFor(
  item: CorpusItem,
  key: MessageKey,
  text: string,
  today: string | null,
): LlmExtraction {
  const out = emptyExtraction();
  const said = <T>(value: T): { value: T; evidence: string } => ({ value, evidence: text });
  if (text.trim() === REFUSAL) return { ...out, signals: { ...out.signals, declined: true } };
  const e = item.expected;
  const stated = (field: string): boolean =>
    field in e && e[field] !== null && states(item, key, text, field);
  const str = (field: string): string => String(e[field]);
  const num = (field: string): number => Number(e[field]);
  if (stated('contact.name')) out.contact.name = said(str('contact.name'));
  if (stated('contact.email')) out.contact.email = said(str('contact.email'));
  if (stated('contact.phone')) out.contact.phone = said(str('contact.phone'));
  if (stated('company.name')) out.company.name = said(str('company.name'));
  if (stated('company.size')) out.company.size = said(num('company.size'));
  if (stated('authority.role')) out.authority.role = said(str('authority.role'));
  if (stated('authority.level'))
    out.authority.level = said(e['authority.level'] as 'decision_maker');
  if (stated('budget.status') && e['budget.status'] === 'none')
    out.budget.status = said('none' as const);
  else if (stated('budget.amount')) {
    out.budget.amount = said(num('budget.amount'));
    if (stated('budget.currency')) out.budget.currency = said(str('budget.currency'));
    if (stated('budget.period')) out.budget.period = said(e['budget.period'] as 'monthly');
    out.budget.status = said('stated' as const);
  }
  if (stated('need.keywords') || stated('need.summary')) out.need.summary = said(text);
  const bucket = e['timeline.bucket'];
  const start = today === null ? null : parseIsoDate(today);
  if (stated('timeline.bucket') && typeof bucket === 'string') {
    if (bucket === 'none') out.timeline.noPlan = said(true);
    else if (start !== null && BUCKET_DAYS[bucket] !== undefined)
      out.timeline.targetDate = said(toIsoDate(addDays(start, BUCKET_DAYS[bucket])));
  }
  if (e['intent.demo'] === true && (key === 'opening' || /demo|walk ?through|call/i.test(text)))
    out.intent.demo = said(true);
  return out;
}

/** The messages of an item, keyed. */
function messagesOf(item: CorpusItem): [MessageKey, string][] {
  return [['opening', item.opening], ...Object.entries(item.answers)] as [MessageKey, string][];
}

/**
 * A script entry for the fake OpenAI server that plays a model always right about a labelled
 * file: an extraction request gets `answerFor` the item and message it carries (found by the
 * message text, then by today's date and the earlier turns when several items share it); a
 * phrasing request gets its draft back word for word.
 * @example fake.always(alwaysRightModel(parseCorpus(readFileSync(file, 'utf8'))));
 */
export function alwaysRightModel(
  items: readonly CorpusItem[],
): (request: FakeRequest) => FakeReply {
  return (request) => {
    const messages = request.body.messages;
    const last = messages.at(-1)?.content ?? '';
    if (!isExtractRequest(request)) {
      const draft = /<draft>([\s\S]*?)<\/draft>/.exec(last)?.[1]?.trim() ?? last;
      return { type: 'content', content: draft };
    }
    const system = messages[0]?.content ?? '';
    const today = /Today is \w+, (\d{4}-\d{2}-\d{2})/.exec(system)?.[1] ?? null;
    const context = messages.map((m) => m.content ?? '').join('\n');
    const found: { item: CorpusItem; key: MessageKey; text: string; rank: number }[] = [];
    for (const item of items)
      for (const [key, text] of messagesOf(item)) {
        if (text.trim() === '' || !last.trim().endsWith(text.trim())) continue;
        const tz = item.visitor.timezone;
        const day = toIsoDate(localToday(new Date(item.now), tz));
        const sameDay = day === today && system.includes(`(${tz})`);
        const seen = item.opening !== text && context.includes(item.opening) ? 2 : 0;
        found.push({ item, key, text, rank: text.length * 10 + seen + (sameDay ? 1 : 0) });
      }
    const best = found.sort((a, b) => b.rank - a.rank)[0];
    const nothing = emptyExtraction();
    if (last.trim().endsWith(REFUSAL)) nothing.signals.declined = true;
    const answer = best === undefined ? nothing : answerFor(best.item, best.key, best.text, today);
    return { type: 'content', content: JSON.stringify(answer) };
  };
}
