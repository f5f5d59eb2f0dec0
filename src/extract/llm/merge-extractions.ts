import type { Candidate, FieldPath } from '../../lead/field-paths.js';
import { SLOT_FIELDS, type Slot } from '../../lead/slots.js';
import type { Extraction } from '../extractor.js';

/**
 * Fields read by exact parsers in the rules (regexes, libphonenumber-js, the money parser,
 * chrono-node with the fiscal year): when the rules found a value, it wins over the model's.
 */
const RULES_FIRST: readonly FieldPath[] = ['contact.email', 'contact.phone', 'company.size'];

/**
 * Groups whose fields describe one statement and must not be mixed across sources when they
 * disagree: the anchor decides whether the two sources heard the same statement.
 */
const RULES_FIRST_GROUPS: readonly { fields: readonly FieldPath[]; anchor: FieldPath }[] = [
  {
    fields: ['budget.amount', 'budget.currency', 'budget.period', 'budget.status'],
    anchor: 'budget.amount',
  },
  { fields: ['timeline.targetDate', 'timeline.bucket'], anchor: 'timeline.bucket' },
];

/** The value a source ends with for `path`: the record applies candidates in order, so the last one counts. */
const lastValue = (list: readonly Candidate[], path: FieldPath): Candidate['value'] | undefined =>
  list.findLast((c) => c.path === path)?.value;

/**
 * Merges the rules' and the model's extraction of the same message. The policy:
 * - **Exact formats, rules first**: contact.email, contact.phone, company.size, and the budget
 *   and timeline groups. The rules' value wins when both found one; the model only fills the
 *   fields the rules left empty. In a group, it does so only when it heard the same statement
 *   (same budget amount, same timeline bucket) or the rules found nothing in the group, so
 *   "50k" from one source never gets the period of the other's "5k".
 * - **Language, model first**: every other field (names, role, authority level, need, industry,
 *   demo intent, consent). The model's value wins; the rules fill what it left empty.
 * - **Signals**: a wish to talk to a human from either source counts (never missed); the
 *   model's question, else the rules'; declined from the model, or from the rules when nothing
 *   merged fills the slot that was asked.
 *
 * @example mergeExtractions(rules, llm, 'budget') // rules' 50000 USD yearly + the model's need.summary
 */
export function mergeExtractions(
  rules: Extraction,
  llm: Extraction,
  expecting: Slot | null,
): Extraction {
  // The first source to claim a path owns it; within that source the later candidate replaces
  // the earlier one, as it would in the record ("50k, no wait, 60k").
  const taken = new Map<FieldPath, { c: Candidate; from: Extraction }>();
  const claim =
    (from: Extraction) =>
    (c: Candidate): void => {
      const owner = taken.get(c.path);
      if (owner === undefined || owner.from === from) taken.set(c.path, { c, from });
    };
  const inGroup = new Set(RULES_FIRST_GROUPS.flatMap((g) => g.fields));

  for (const group of RULES_FIRST_GROUPS) {
    const fromRules = rules.candidates.filter((c) => group.fields.includes(c.path));
    const fromLlm = llm.candidates.filter((c) => group.fields.includes(c.path));
    fromRules.forEach(claim(rules));
    const rulesAnchor = lastValue(fromRules, group.anchor);
    const agrees =
      fromRules.length === 0 ||
      (rulesAnchor !== undefined && rulesAnchor === lastValue(fromLlm, group.anchor));
    if (agrees) fromLlm.forEach(claim(llm));
  }
  const rulesFirst = (c: Candidate): boolean => RULES_FIRST.includes(c.path);
  rules.candidates.filter(rulesFirst).forEach(claim(rules));
  llm.candidates.filter(rulesFirst).forEach(claim(llm));
  const rest = (c: Candidate): boolean => !inGroup.has(c.path) && !RULES_FIRST.includes(c.path);
  llm.candidates.filter(rest).forEach(claim(llm));
  rules.candidates.filter(rest).forEach(claim(rules));

  // Each value keeps the extractor it came from, so the record's provenance stays true.
  const candidates = [...taken.values()].map((t): Candidate => ({
    ...t.c,
    source: t.from === rules ? 'rules' : 'llm',
  }));
  const asked = expecting !== null && expecting !== 'booking' ? SLOT_FIELDS[expecting] : [];
  const answered = candidates.some((c) => asked.includes(c.path));
  return {
    candidates,
    signals: {
      declined: llm.signals.declined || (rules.signals.declined && !answered),
      wantsHuman: llm.signals.wantsHuman || rules.signals.wantsHuman,
      question: llm.signals.question ?? rules.signals.question,
    },
  };
}
