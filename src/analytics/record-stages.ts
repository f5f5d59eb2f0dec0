import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { scoreLead, STAGES } from '../scoring/score-lead.js';
import type { Store } from '../store/store.js';
import type { StageHistory } from './stage-history-schema.js';
import { withSave } from '../store/with-save.js';

const KEYS = ['lead', 'mql', 'sql', 'booked', 'canceled'] as const satisfies (keyof StageHistory)[];

type ScoringConfig = Pick<Config, 'scoring' | 'currency'>;

/** The scored stages in funnel order, as `stageHistory` names them. */
const LADDER = [
  ['lead', 'lead'],
  ['MQL', 'mql'],
  ['SQL', 'sql'],
] as const;

/**
 * The conversation with `stageHistory` completed: every stage it has reached (by the score of
 * its lead, and by its meeting) and that has no time yet gets `at`; reaching SQL at once also
 * records lead and MQL. A booking's time is the meeting's `bookedAt`. Times already recorded
 * never change, so applying it again is harmless; the same object is returned when nothing is new.
 *
 * @example recordStages(conv, config, '2026-01-05T10:00:00.000Z').stageHistory // { lead: '2026-01-05T10:00:00.000Z' }
 */
export function recordStages(conv: Conversation, config: ScoringConfig, at: string): Conversation {
  const before = conv.stageHistory;
  const next: StageHistory = { ...before };
  const { stage } = scoreLead(conv.lead, conv.visitor, config.scoring, config.currency);
  const rank = STAGES.indexOf(stage);
  for (const [scored, key] of LADDER)
    if (rank >= STAGES.indexOf(scored) && next[key] === undefined) next[key] = at;
  const meeting = conv.meeting;
  if (meeting !== null) {
    next.booked ??= meeting.bookedAt;
    if (meeting.status === 'canceled') next.canceled ??= at;
    else delete next.canceled;
  }
  const same = KEYS.every((k) => before[k] === next[k]);
  return same ? conv : { ...conv, stageHistory: next };
}

/**
 * Wraps a Store so that every save records the stages the conversation has reached, at the
 * clock's time (recordStages): the engine's turns, rep corrections, bookings and cancels all
 * go through it. Wrapping twice is harmless.
 *
 * @example const store = withStageHistory(baseStore, config, clock);
 */
export function withStageHistory(store: Store, config: ScoringConfig, clock: () => Date): Store {
  return withSave(store, (conversation) =>
    store.saveConversation(recordStages(conversation, config, clock().toISOString())),
  );
}
