import type { CycleStatus } from '../../contract/maestro';
import { diagnosticsDefaults } from '../defaults';
import { MINUTE_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { ago, listSome, type SystemCheck, type Verdict } from './check';

export interface FreshnessFacts {
  now: Date;
  startedAt: Date;
  paused: boolean;
  /** When Maestro was last resumed (null: paused, or never changed). */
  resumedAt: Date | null;
  cycles: ReadonlyArray<
    Pick<CycleStatus, 'id' | 'label' | 'runsWhenPaused' | 'lastStartedAt' | 'lastOutcome' | 'lastError'>
  >;
}

/**
 * Reference §5.2 #9 on the orchestrator's own records, for every cycle rather than four: a cycle
 * is stale when it has not started for its limit, counted from its last start or from when it
 * could last start (the app's start; for cycles that wait while paused, the last Resume), so time
 * the app was closed is not held against it; "never ran" is judged the same way (the reference
 * flagged a never-run feedback cycle at once). A cycle whose last run failed counts too: it is
 * not doing its job either. Cycles waiting for Resume are not judged while paused.
 */
export function judgeFreshness(f: FreshnessFacts): Verdict {
  const { warmUpMinutes, failAtStale, staleAfterMinutes } = diagnosticsDefaults.cycles;
  const now = f.now.getTime();
  const uptime = now - f.startedAt.getTime();
  if (uptime < warmUpMinutes * MINUTE_MS)
    return {
      status: 'pass',
      detail: `Warming up: started ${ago(uptime)} ago; cycles are judged after the first ${warmUpMinutes} min.`,
    };
  const stale: string[] = [];
  const failing: string[] = [];
  let judged = 0;
  for (const cycle of f.cycles) {
    const limit = staleAfterMinutes[cycle.id];
    if (limit === undefined) continue;
    if (f.paused && !cycle.runsWhenPaused) continue;
    judged++;
    const last = cycle.lastStartedAt ? Date.parse(cycle.lastStartedAt) : null;
    const couldRunFrom = Math.max(
      last ?? 0,
      f.startedAt.getTime(),
      !cycle.runsWhenPaused && f.resumedAt ? f.resumedAt.getTime() : 0,
    );
    if (now - couldRunFrom > limit * MINUTE_MS)
      stale.push(`${cycle.label} (${last === null ? 'never ran' : `last ${ago(now - last)} ago`})`);
    else if (cycle.lastOutcome === 'failed')
      failing.push(`${cycle.label} (${(cycle.lastError ?? 'failed').slice(0, 120)})`);
  }
  const issues = stale.length + failing.length;
  if (issues === 0) return { status: 'pass', detail: `${plural(judged, 'cycle')} ran on time.` };
  const parts = [
    stale.length ? `stale: ${listSome(stale, 4)}` : '',
    failing.length ? `last run failed: ${listSome(failing, 3)}` : '',
  ].filter(Boolean);
  return {
    status: issues >= failAtStale ? 'fail' : 'warn',
    detail: `${parts.join('; ')}. See Dashboard → cycles and the activity feed.`,
  };
}

export const cycleFreshnessCheck: SystemCheck = {
  name: 'cycle_freshness',
  async run(ctx) {
    const [maestro, cycles] = await Promise.all([ctx.maestro(), ctx.cycles()]);
    return judgeFreshness({
      now: ctx.now,
      startedAt: ctx.startedAt,
      paused: maestro.paused,
      resumedAt: !maestro.paused && maestro.changedAt ? new Date(maestro.changedAt) : null,
      cycles,
    });
  },
};
