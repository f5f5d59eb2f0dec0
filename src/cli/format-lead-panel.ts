import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { FIELD_PATHS } from '../lead/field-paths.js';
import { scoreLead } from '../scoring/score-lead.js';

const dim = (s: string): string => `\x1b[2m${s}\x1b[0m`;

/** The lead record, score breakdown, grade and stage, as the terminal chat shows them. */
export function formatLeadPanel(conv: Conversation, config: Config): string {
  const s = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  const lines = [dim('  ── lead record ──────────────────────────────')];
  for (const path of FIELD_PATHS) {
    const e = conv.lead[path];
    if (!e) continue;
    const was =
      e.history.length > 0
        ? dim(` (was ${e.history.map((h) => JSON.stringify(h.value)).join(', ')})`)
        : '';
    lines.push(
      `  ${path.padEnd(20)} ${JSON.stringify(e.value)}${was}  ${dim(`← "${e.evidence.slice(0, 60)}" [${e.source}]`)}`,
    );
  }
  if (lines.length === 1) lines.push(dim('  (nothing yet)'));
  lines.push(dim('  ── score ────────────────────────────────────'));
  for (const b of s.breakdown)
    lines.push(
      `  ${(b.points > 0 ? `+${b.points}` : String(b.points)).padStart(4)}  ${b.signal} ${dim(`(${b.detail})`)}`,
    );
  lines.push(
    `  = ${s.score}   grade \x1b[1m${s.grade}\x1b[0m   stage \x1b[1m${s.stage}\x1b[0m${conv.meeting ? `   meeting ${conv.meeting.start}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
