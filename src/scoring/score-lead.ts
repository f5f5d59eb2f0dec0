import type { Config, ScoringPolicy } from '../config/config-schema.js';
import { getField, type Lead } from '../lead/lead-record.js';
import { pagePath, type Visitor } from '../lead/visitor.js';
import { annualizedBudget } from './annualize-budget.js';

export const GRADES = ['hot', 'warm', 'cold'] as const;
export type Grade = (typeof GRADES)[number];
export const STAGES = ['visitor', 'lead', 'MQL', 'SQL'] as const;
export type Stage = (typeof STAGES)[number];

/** One line of the explanation: which signal, how many points, and the value behind it. */
export type BreakdownLine = { signal: string; points: number; detail: string };
export type ScoreResult = { score: number; grade: Grade; stage: Stage; breakdown: BreakdownLine[] };

/**
 * Scores a lead with the policy (DESIGN.md "Scoring"). Pure: the same lead, visitor and
 * policy always give the same result, and every point is explained by a breakdown line.
 *
 * @example
 *   scoreLead(lead, visitor, config.scoring, config.currency) // { score: 70, grade: 'hot', stage: 'SQL', breakdown: [...] }
 */
export function scoreLead(
  lead: Lead,
  visitor: Visitor,
  policy: ScoringPolicy,
  currency: Config['currency'],
): ScoreResult {
  const lines: BreakdownLine[] = [];
  const add = (signal: string, points: number, detail: string): void => {
    if (points !== 0) lines.push({ signal, points, detail });
  };

  const level = getField(lead, 'authority.level');
  if (level !== undefined) add('authority', policy.authority[level], level);

  const size = getField(lead, 'company.size');
  if (size !== undefined) {
    const tier = [...policy.companySize].sort((a, b) => b.min - a.min).find((t) => size >= t.min);
    if (tier) add('company size', tier.points, `${size} employees`);
  }

  const status = getField(lead, 'budget.status');
  const annual = annualizedBudget(lead, currency);
  if (status === 'none') add('budget', policy.budget.none, 'no budget');
  else if (annual !== null) {
    const ok = annual >= policy.budget.thresholdAnnual;
    add(
      'budget',
      ok ? policy.budget.atOrAbove : policy.budget.below,
      `about ${Math.round(annual).toLocaleString('en-US')} ${currency.base} a year`,
    );
  }

  const bucket = getField(lead, 'timeline.bucket');
  if (bucket !== undefined) add('timeline', policy.timeline[bucket] ?? 0, bucket);

  if (getField(lead, 'need.summary') !== undefined) add('need', policy.needStated, 'need stated');
  if (getField(lead, 'intent.demo') === true) add('demo request', policy.demo, 'asked for a demo');

  const path = pagePath(visitor);
  for (const page of policy.pages)
    if (path.includes(page.pathContains)) add('page', page.points, path);

  const email = getField(lead, 'contact.email');
  if (email !== undefined) {
    const domain = email.split('@')[1] ?? '';
    const free = policy.email.freeDomains.includes(domain);
    add(
      'email',
      free ? policy.email.free : policy.email.company,
      free ? `free domain ${domain}` : `company domain ${domain}`,
    );
  }

  const score = lines.reduce((s, l) => s + l.points, 0);
  const grade: Grade =
    score >= policy.grades.hot ? 'hot' : score >= policy.grades.warm ? 'warm' : 'cold';
  return { score, grade, stage: stageFor(lead, score, policy), breakdown: lines };
}

function stageFor(lead: Lead, score: number, policy: ScoringPolicy): Stage {
  if (getField(lead, 'contact.email') === undefined) return 'visitor';
  const sqlReady =
    getField(lead, 'need.summary') !== undefined && getField(lead, 'budget.status') !== 'none';
  if (sqlReady && score >= policy.stages.sql) return 'SQL';
  if (score >= policy.stages.mql) return 'MQL';
  return 'lead';
}
