import { backupDefaults } from '../backup/defaults';
import { dailyBurstCron } from '../maestro/daily-scheduler';
import { retentionDefaults } from '../retention/defaults';
import type { CycleTask } from './orchestrator';

/** What the cycles call; each is a service the core already has (see app.ts). */
export interface CycleServices {
  scheduleReadyRenders(): Promise<number>;
  burst: { catchUp(): Promise<boolean>; check(): Promise<boolean> };
  publishDue(): Promise<void>;
  collectMetrics(now: Date): Promise<{ snapshotsTaken: number }>;
  scout(now: Date): Promise<{ newItems: number }>;
  feedback(): Promise<{ attributedPosts: number }>;
  healing(now: Date): Promise<string>;
  /** Waits for running and queued renders (evolution must not change DNA under them). */
  drainRenders(): Promise<void>;
  evolution(): Promise<{ ran: boolean; deaths: unknown[]; births: unknown[] }>;
  diagnostics?(now: Date): Promise<string>;
  bootstrap(now: Date): Promise<{ ran: boolean; complete: boolean; newItems: number }>;
  analysePatterns(): Promise<{ found: number }>;
  consolidatePatterns(): Promise<{ decayed: number; deleted: number }>;
  backup?(now: Date): Promise<unknown>;
  retention?(now: Date): Promise<unknown>;
  /**
   * Platform logins past or near their expiry (each told once); run with the check, which also
   * delivers any notification a stop left in the outbox.
   */
  checkTokens?(now: Date): Promise<{ warned: number; expired: number }>;
  /**
   * Sends the token revocations that are due (disconnected channels): the outbox's catch-up
   * after a crash or while offline.
   */
  revokeTokens?(): Promise<{ revoked: number; retrying: number; gaveUp: number }>;
}

const every = (minutes: number, firstAfterSeconds: number) => () =>
  ({ kind: 'every', minutes, firstAfterSeconds }) as const;

/**
 * The reference's cycle table (§1.2) with its intervals, start-up stagger and pause rules, plus
 * the app's own upkeep. Pause stops generation (the burst) and the two learning cycles; every
 * other cycle keeps the app healthy and keeps running.
 */
export function maestroCycles(s: CycleServices): CycleTask[] {
  const tasks: CycleTask[] = [
    {
      id: 'check',
      label: 'Check',
      timing: every(10, 30),
      runsWhenPaused: true,
      // Placing finished renders runs even when paused; the burst part checks the pause itself.
      run: async (now) => {
        const placed = await s.scheduleReadyRenders();
        const burst = await s.burst.catchUp();
        const tokens = s.checkTokens ? await s.checkTokens(now) : { warned: 0, expired: 0 };
        const revocations = s.revokeTokens ? await s.revokeTokens() : { revoked: 0, retrying: 0, gaveUp: 0 };
        return {
          detail:
            `${placed} render${placed === 1 ? '' : 's'} placed${burst ? '; daily burst started' : ''}` +
            (tokens.expired ? `; ${tokens.expired} login${tokens.expired === 1 ? '' : 's'} expired` : '') +
            (tokens.warned ? `; ${tokens.warned} login${tokens.warned === 1 ? '' : 's'} expiring soon` : '') +
            (revocations.revoked
              ? `; ${revocations.revoked} token${revocations.revoked === 1 ? '' : 's'} revoked`
              : '') +
            (revocations.gaveUp
              ? `; ${revocations.gaveUp} revocation${revocations.gaveUp === 1 ? '' : 's'} given up`
              : ''),
        };
      },
    },
    {
      id: 'burst',
      label: 'Daily burst',
      timing: (values) => ({
        kind: 'cron',
        pattern: dailyBurstCron(values.burstTime),
        label: `daily at ${values.burstTime}`,
      }),
      runsWhenPaused: false,
      run: async () =>
        (await s.burst.check()) ? { detail: 'started' } : { skipped: true, detail: 'not due' },
    },
    {
      id: 'publish',
      label: 'Publishing',
      timing: every(1, 20),
      runsWhenPaused: true,
      run: async () => {
        await s.publishDue();
      },
    },
    {
      id: 'observe',
      label: 'Metrics',
      timing: every(180, 90),
      runsWhenPaused: true,
      run: async (now) => ({ detail: `${(await s.collectMetrics(now)).snapshotsTaken} measurements` }),
    },
    {
      id: 'scout',
      label: 'Trend scout',
      timing: every(240, 150),
      runsWhenPaused: true,
      run: async (now) => ({ detail: `${(await s.scout(now)).newItems} new items` }),
    },
    {
      id: 'feedback',
      label: 'Feedback',
      timing: every(360, 330),
      runsWhenPaused: true,
      run: async () => ({ detail: `${(await s.feedback()).attributedPosts} posts attributed` }),
    },
    {
      id: 'healing',
      label: 'Healing',
      timing: every(15, 210),
      runsWhenPaused: true,
      run: async (now) => ({ detail: await s.healing(now) }),
    },
    {
      id: 'evolution',
      label: 'Weekly evolution',
      timing: () => ({ kind: 'cron', pattern: '0 2 * * 0', label: 'Sundays 02:00' }),
      runsWhenPaused: true,
      run: async () => {
        await s.drainRenders();
        const report = await s.evolution();
        return report.ran
          ? { detail: `${report.deaths.length} retired, ${report.births.length} born` }
          : { skipped: true, detail: 'already ran this week' };
      },
    },
    {
      id: 'bootstrap',
      label: 'Bootstrap',
      timing: every(20, 75),
      runsWhenPaused: true,
      run: async (now) => {
        const tick = await s.bootstrap(now);
        if (tick.complete && !tick.ran) return { skipped: true, detail: 'complete' };
        return { detail: `${tick.newItems} new items` };
      },
    },
    {
      id: 'learning',
      label: 'Pattern analysis',
      timing: every(240, 270),
      runsWhenPaused: false,
      run: async () => ({ detail: `${(await s.analysePatterns()).found} patterns` }),
    },
    {
      id: 'consolidation',
      label: 'Pattern consolidation',
      timing: () => ({ kind: 'cron', pattern: '0 6,18 * * *', label: 'daily at 06:00 and 18:00' }),
      runsWhenPaused: false,
      run: async () => {
        const r = await s.consolidatePatterns();
        return { detail: `${r.decayed} decayed, ${r.deleted} deleted` };
      },
    },
  ];
  if (s.diagnostics) {
    const diagnostics = s.diagnostics;
    tasks.push({
      id: 'diagnostics',
      label: 'Diagnostics',
      timing: every(240, 90),
      runsWhenPaused: true,
      run: async (now) => ({ detail: await diagnostics(now) }),
    });
  }
  // Backup and retention ask their own services whether a run is due (once a day).
  const upkeep = (
    id: 'backup' | 'retention',
    label: string,
    work: ((now: Date) => Promise<unknown>) | undefined,
    defaults: { checkEveryMs: number; firstCheckAfterMs: number },
    did: string,
  ) => {
    if (!work) return;
    tasks.push({
      id,
      label,
      timing: every(defaults.checkEveryMs / 60_000, defaults.firstCheckAfterMs / 1000),
      runsWhenPaused: true,
      run: async (now) => ((await work(now)) ? { detail: did } : { skipped: true, detail: 'not due' }),
    });
  };
  upkeep('backup', 'Backup', s.backup, backupDefaults, 'backed up');
  upkeep('retention', 'Retention', s.retention, retentionDefaults, 'pruned');
  return tasks;
}
