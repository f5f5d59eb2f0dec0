/** Question marks of the scripts the widget is used in (Latin, full-width, Arabic). */
const QUESTION_MARK = /[?\uFF1F\u061F]/;
/** "10:00 AM", "2pm", "14:30", "9 a.m.". */
const TIME = /\b(\d{1,2})(?:[:.h](\d{2}))?\s?([ap])\.?\s?m\b\.?|\b(\d{1,2})[:h](\d{2})\b/gi;
const URL = /https?:\/\/[^\s<>"'`)\]]+/gi;

/** The times a text names, as minutes after midnight, so "2 PM" and "14:00" compare equal. */
export function timesIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(TIME)) {
    const hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    const half = m[3]?.toLowerCase();
    const h24 = half === undefined ? hour : (hour % 12) + (half === 'p' ? 12 : 0);
    if (hour <= 24 && minute < 60) out.add(h24 * 60 + minute);
  }
  return out;
}

function linksIn(text: string): Set<string> {
  return new Set([...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:!?]+$/, '')));
}

const sameSet = <T>(a: Set<T>, b: Set<T>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Why a rephrased reply may not replace its draft, or null when it may: the draft asks a
 * question and the reply asks none (the visitor would not know an answer is expected), or the
 * reply names other times or links than the draft (they must match what the engine offered).
 * @example whyNotKept('When would you like to go live?', 'Great, thanks.') // 'the question was dropped'
 */
export function whyNotKept(draft: string, reply: string): string | null {
  if (QUESTION_MARK.test(draft) && !QUESTION_MARK.test(reply)) return 'the question was dropped';
  if (!sameSet(timesIn(draft), timesIn(reply))) return 'a time was changed';
  if (!sameSet(linksIn(draft), linksIn(reply))) return 'a link was changed';
  return null;
}
