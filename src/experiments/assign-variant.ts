import { createHash } from 'node:crypto';
import type { Assignment, Experiment, Variant } from './experiment.js';

/**
 * The variant a conversation gets in an experiment: a SHA-256 of the experiment and conversation
 * ids read as a number in [0, 1), laid over the variants' weights in order. The same pair always
 * gets the same variant; over many conversations each variant's share follows its weight.
 *
 * @example pickVariant(experiment, 'conv_1').name // 'B'
 */
export function pickVariant(
  experiment: Pick<Experiment, 'id' | 'variants'>,
  conversationId: string,
): Variant {
  const digest = createHash('sha256').update(`${experiment.id}\u0000${conversationId}`).digest();
  const point = digest.readUInt32BE(0) / 2 ** 32;
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
  let edge = 0;
  for (const v of experiment.variants) {
    edge += v.weight / total;
    if (point < edge) return v;
  }
  const last = experiment.variants.at(-1);
  if (last === undefined) throw new Error('an experiment has at least two variants');
  return last;
}

/**
 * The conversation's assignment in `experiment`: the stored one when there is one (kept even if
 * the weights changed since), a new one picked by {@link pickVariant} otherwise (`fresh`).
 *
 * @example assignmentOf(experiment, conv.id, conv.experiments, now) // { assignment, fresh: true }
 */
export function assignmentOf(
  experiment: Pick<Experiment, 'id' | 'variants'>,
  conversationId: string,
  stored: Readonly<Record<string, Assignment>> | undefined,
  at: Date,
): { assignment: Assignment; fresh: boolean } {
  const held = stored?.[experiment.id];
  if (held !== undefined) return { assignment: held, fresh: false };
  const v = pickVariant(experiment, conversationId);
  return { assignment: { variant: v.name, version: v.version, at: at.toISOString() }, fresh: true };
}
