import { FIELD_PATHS, type Candidate, type FieldPath } from '../../lead/field-paths.js';
import { SLOT_FIELDS, type Slot } from '../../lead/slots.js';
import type { Extraction } from '../extractor.js';
import { isQuoted } from './evidence.js';
import { disagreementWinner, MERGE_POLICY, rulesStandAlone } from './merge-policy.js';

/** A field the rules and the model read differently in one message, and who won it. */
export type MergeDecision = {
  path: FieldPath;
  rules: unknown;
  /** The model's value, or null when it left the field empty. */
  llm: unknown;
  winner: 'rules' | 'llm';
};

type Source = 'rules' | 'llm';
type Side = { rules: Candidate[]; llm: Candidate[] };

const BUDGET: readonly FieldPath[] = [
  'budget.amount',
  'budget.currency',
  'budget.period',
  'budget.status',
];
const TIMELINE: readonly FieldPath[] = ['timeline.bucket', 'timeline.targetDate'];

const of = (list: readonly Candidate[], path: FieldPath): Candidate[] =>
  list.filter((c) => c.path === path);

/** Two readings of the same words: one's evidence quotes the other's. */
const sameWords = (a: Candidate, b: Candidate): boolean =>
  isQuoted(a.evidence, b.evidence) || isQuoted(b.evidence, a.evidence);

/**
 * Merges the rules' and the model's extraction of the same message, field by field, by
 * evidence rather than by source (MERGE_POLICY, README "The merge policy"):
 * - one source read the field: its value, except that a rules value its evidence does not
 *   write, or a role or timeline read from a message that answered another question, does not
 *   beat the model's empty answer (`rulesStandAlone`);
 * - both read it alike: the source the field trusts first (the rules for exact formats and
 *   numbers, else the model);
 * - both read it differently: `disagreementWinner` (exact formats to the rules; numbers and
 *   currency to the value its evidence writes whole; language, corrections and dates to the
 *   model). A budget read from different words ("50k" and "5k") goes whole to the amount's
 *   winner, so one statement never gets the other's period; the timeline's date follows its bucket.
 * - signals: a wish to talk to a human from either source counts; the model's question, else
 *   the rules'; declined from the model, or from the rules when nothing merged fills the slot asked.
 * Every disagreement is passed to `onDecision` (for the eval's report).
 *
 * @example mergeExtractions(rules, llm, 'budget') // "₹2.5L a month": the model's 250000, the rules' INR
 */
export function mergeExtractions(
  rules: Extraction,
  llm: Extraction,
  expecting: Slot | null,
  onDecision: (d: MergeDecision) => void = () => {},
): Extraction {
  const out: Candidate[] = [];
  const take = (from: Source, list: Candidate[]): void =>
    void out.push(...list.map((c): Candidate => ({ ...c, source: from })));
  const side = (path: FieldPath): Side => ({
    rules: of(rules.candidates, path),
    llm: of(llm.candidates, path),
  });

  /** Decides one field; `only` restricts the sources allowed (a group already decided). */
  function field(path: FieldPath, only: Source | null = null): Source | null {
    const s = side(path);
    const r = only === 'llm' ? undefined : s.rules.at(-1);
    const m = only === 'rules' ? undefined : s.llm.at(-1);
    if (r === undefined && m === undefined) return null;
    let winner: Source;
    if (r === undefined) winner = 'llm';
    else if (m === undefined) {
      if (only === null && !rulesStandAlone(r, expecting)) {
        onDecision({ path, rules: r.value, llm: null, winner: 'llm' });
        return null;
      }
      winner = 'rules';
    } else if (r.value === m.value) {
      // Read alike: the value keeps the source the field trusts first, so provenance stays true.
      winner = MERGE_POLICY[path].onDisagreement === 'llm' ? 'llm' : 'rules';
    } else {
      winner = disagreementWinner(r, m);
      onDecision({ path, rules: r.value, llm: m.value, winner });
    }
    take(winner, s[winner]);
    return winner;
  }

  // The budget: read from different words, the amount's winner takes the whole statement.
  const amounts = side('budget.amount');
  const [ra, ma] = [amounts.rules.at(-1), amounts.llm.at(-1)];
  const split = ra !== undefined && ma !== undefined && ra.value !== ma.value && !sameWords(ra, ma);
  const budgetOwner = field('budget.amount');
  for (const path of BUDGET.slice(1)) field(path, split ? budgetOwner : null);

  // The timeline: the date goes with the bucket that won; a bucket both read alike keeps the
  // rules' and takes the model's date when the rules have none.
  const bucketOwner = field('timeline.bucket');
  const dates = side('timeline.targetDate');
  if (bucketOwner === 'rules' && dates.rules.length === 0 && side('timeline.bucket').llm.length > 0)
    take('llm', dates.llm);
  else if (bucketOwner !== null) take(bucketOwner, dates[bucketOwner]);
  else if (side('timeline.bucket').rules.length === 0) field('timeline.targetDate');

  for (const path of FIELD_PATHS)
    if (!BUDGET.includes(path) && !TIMELINE.includes(path)) field(path);

  const asked = expecting !== null && expecting !== 'booking' ? SLOT_FIELDS[expecting] : [];
  const answered = out.some((c) => asked.includes(c.path));
  return {
    candidates: out,
    signals: {
      declined: llm.signals.declined || (rules.signals.declined && !answered),
      wantsHuman: llm.signals.wantsHuman || rules.signals.wantsHuman,
      question: llm.signals.question ?? rules.signals.question,
    },
  };
}
