import type { Report } from './build-report.js';

/** Left-aligned first column, right-aligned numbers, two spaces between columns. */
function table(head: string[], rows: (string | number)[][]): string[] {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** `part` of `whole` as a percentage with no decimals, "-" when `whole` is 0. */
function rate(part: number, whole: number): string {
  return whole === 0 ? '-' : `${Math.round((part / whole) * 100)}%`;
}

const seconds = (s: number | null): string => (s === null ? '-' : `${s} s`);

/**
 * The report as the tables a person reads in a terminal: the funnel with the conversion from
 * the step before, each question, each source, speed to lead.
 *
 * @example formatReport(report).forEach((line) => console.log(line));
 */
export function formatReport(report: Report): string[] {
  const f = report.funnel;
  const steps: [string, number, number][] = [
    ['conversations', f.conversations, f.conversations],
    ['engaged', f.engaged, f.conversations],
    ['lead', f.lead, f.engaged],
    ['MQL', f.mql, f.lead],
    ['SQL', f.sql, f.mql],
    ['booked', f.booked, f.sql],
  ];
  const questions = Object.entries(report.questions)
    .filter(([, q]) => q.asked > 0)
    .map(([slot, q]) => [
      slot,
      q.asked,
      q.answered,
      q.reaskedNotUnderstood,
      q.refused,
      q.abandoned,
      seconds(q.medianSecondsToAnswer),
    ]);
  const sources = report.sources.map((s) => [
    [s.source ?? '(none)', s.medium, s.campaign].filter((v) => v !== null).join(' / '),
    s.referrer ?? '-',
    s.landingPage ?? '-',
    s.conversations,
    s.engaged,
    s.lead,
    s.mql,
    s.sql,
    s.booked,
    seconds(s.medianSecondsToLead),
  ]);
  return [
    `Report ${report.from} to ${report.to} (${report.timezone}); conversations by the day they started`,
    '',
    ...table(
      ['Funnel', 'count', 'from step before'],
      steps.map(([name, n, before], i) => [name, n, i === 0 ? '' : rate(n, before)]),
    ),
    `canceled after booking: ${f.canceled}`,
    '',
    ...(questions.length === 0
      ? ['No question was asked.']
      : table(
          [
            'Question',
            'asked',
            'answered',
            're-asked (not understood)',
            'refused',
            'abandoned',
            'median to answer',
          ],
          questions,
        )),
    '',
    ...(sources.length === 0
      ? ['No conversations.']
      : table(
          [
            'Source / medium / campaign',
            'referrer',
            'landing page',
            'conversations',
            'engaged',
            'lead',
            'MQL',
            'SQL',
            'booked',
            'speed to lead',
          ],
          sources,
        )),
    '',
    `Speed to lead: ${report.speedToLead.count} leads touched, median ${seconds(report.speedToLead.medianSeconds)}`,
    `LLM fallbacks: ${report.llmFallbacks.turns} messages read by the rules, in ${report.llmFallbacks.conversations} conversations`,
  ];
}
