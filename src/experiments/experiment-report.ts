import { questionFacts } from '../analytics/question-facts.js';
import { reachedStages } from '../analytics/reached-stages.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { probabilityToBeat, wilsonInterval } from './binomial-stats.js';
import type { Experiment, Goal } from './experiment.js';

/** Below these the report shows its figures but says the sample is too small to judge. */
export const MIN_CONVERSATIONS_PER_VARIANT = 100;
export const MIN_GOALS_REACHED = 10;

export type VariantReport = {
  name: string;
  version: number;
  weight: number;
  control: boolean;
  /** Conversations assigned to the variant. */
  conversations: number;
  /** Of them, those that reached the goal. */
  reached: number;
  /** reached / conversations; null while none is assigned. */
  rate: number | null;
  /** The 95% Wilson interval of the rate; null while none is assigned. */
  interval: { low: number; high: number } | null;
  /** P(this variant's rate > the control's), Beta(1, 1) priors; null for the control. */
  beatControl: number | null;
};

export type ExperimentReport = {
  experiment: Experiment;
  variants: VariantReport[];
  /** True once every variant has the minimum conversations and enough goals were reached. */
  enough: boolean;
  /** What the marketer should know before judging (the sample is too small); null when enough. */
  message: string | null;
};

/**
 * Whether `conv`, assigned at `at`, reached the experiment's goal afterwards: `answered` (the
 * slot the template asks, its messages' `expecting`, was answered: question-facts.ts), `mql`,
 * `sql` or `booked` (the stage's first time, stage history, at or after the assignment).
 *
 * @example reachedGoal(conv, 'greeting', 'answered', assignment.at, now) // true
 */
export function reachedGoal(
  conv: Conversation,
  template: string,
  goal: Goal,
  at: string,
  now: Date,
): boolean {
  if (goal === 'answered') {
    const asked = conv.messages.find((m) => m.template === template && m.expecting);
    const slot = asked?.expecting;
    if (slot === undefined || slot === null) return false;
    return questionFacts(conv, now).get(slot)?.answered === true;
  }
  const reached = reachedStages(conv)[goal];
  return reached !== undefined && Date.parse(reached) >= Date.parse(at);
}

/**
 * The experiment's report from the stored conversations: per variant the conversations assigned
 * (`conversation.experiments[id]`), the goal reached, its rate with a 95% interval and the
 * probability of beating the control (the first variant). A pure function of its input.
 *
 * @example experimentReport(experiment, conversations, new Date()).variants[1].beatControl // 0.93
 */
export function experimentReport(
  experiment: Experiment,
  conversations: Iterable<Conversation>,
  now: Date,
): ExperimentReport {
  const counts = new Map(experiment.variants.map((v) => [v.name, { n: 0, reached: 0 }]));
  for (const conv of conversations) {
    const a = conv.experiments?.[experiment.id];
    const count = a === undefined ? undefined : counts.get(a.variant);
    if (a === undefined || count === undefined) continue;
    count.n += 1;
    if (reachedGoal(conv, experiment.template, experiment.goal, a.at, now)) count.reached += 1;
  }
  const control = counts.get(experiment.variants[0]?.name ?? '') ?? { n: 0, reached: 0 };
  const variants = experiment.variants.map((v, i): VariantReport => {
    const c = counts.get(v.name) ?? { n: 0, reached: 0 };
    return {
      ...v,
      control: i === 0,
      conversations: c.n,
      reached: c.reached,
      rate: c.n === 0 ? null : c.reached / c.n,
      interval: wilsonInterval(c.reached, c.n),
      beatControl: i === 0 ? null : probabilityToBeat(control, { reached: c.reached, n: c.n }),
    };
  });
  const fewest = Math.min(...variants.map((v) => v.conversations));
  const goals = variants.reduce((sum, v) => sum + v.reached, 0);
  const enough = fewest >= MIN_CONVERSATIONS_PER_VARIANT && goals >= MIN_GOALS_REACHED;
  const message = enough
    ? null
    : `Too few conversations to judge yet: each variant needs at least ${MIN_CONVERSATIONS_PER_VARIANT} ` +
      `conversations (the fewest has ${fewest}) and the goal must be reached at least ` +
      `${MIN_GOALS_REACHED} times in all (${goals} so far).`;
  return { experiment, variants, enough, message };
}
