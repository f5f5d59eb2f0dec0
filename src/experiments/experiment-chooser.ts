import type { VersionChooser } from '../conversation/reply-renderer.js';
import { assignmentOf } from './assign-variant.js';
import type { LiveExperiments } from './live-experiments.js';

/**
 * The renderer's version choice under experiments: a template with a running experiment is
 * rendered in the conversation's variant (assigned on its first render, then read back from the
 * conversation); any other template in its live version.
 *
 * @example registryRenderer(registry, experimentChooser(liveExperiments))
 */
export function experimentChooser(live: Pick<LiveExperiments, 'running'>): VersionChooser {
  return (template, ctx) => {
    const run = live.running(template);
    if (run === null) return null;
    const { experiment } = run;
    const { assignment, fresh } = assignmentOf(
      experiment,
      ctx.conversationId,
      ctx.assigned,
      ctx.at,
    );
    const pinned = run.versions.get(assignment.version);
    // An assignment always names one of its experiment's versions; a hand-edited one does not.
    if (pinned === undefined) return null;
    return {
      pinned,
      variant: assignment.variant,
      assigned: fresh ? { [experiment.id]: assignment } : {},
    };
  };
}
