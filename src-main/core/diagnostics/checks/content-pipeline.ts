import { diagnosticsDefaults } from '../defaults';
import { HOUR_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { ago, type SystemCheck, type Verdict } from './check';

/** The installation checks without which no render can run. */
const renderToolchain = new Set(['ffmpeg', 'ffprobe']);

export interface PipelineFacts {
  /** Render tools the installation checks found broken (FFmpeg, ffprobe), with why. */
  brokenTools: ReadonlyArray<{ name: string; detail: string }>;
  paused: boolean;
  /** How long Maestro has been generating: since the later of the app's start and the last Resume. */
  runningForMs: number;
  activeBrands: number;
  proposals: number;
  renders: { total: number; completed: number; failed: number; lastError: string | null };
}

/**
 * Reference §5.2 #4 over the last 48 h, adapted: a render toolchain that cannot run fails first
 * (nothing accepted will ever render); "nothing made" is only a failure when something should
 * have been made (running, with an active brand, for more than a day: the burst runs daily).
 */
export function judgePipeline(f: PipelineFacts): Verdict {
  const hours = diagnosticsDefaults.pipeline.windowHours;
  const { total, completed, failed, lastError } = f.renders;
  const last = lastError ? ` The last error: ${lastError.slice(0, 200)}` : '';
  if (f.brokenTools.length > 0) {
    const tool = f.brokenTools[0]!;
    return { status: 'fail', detail: `Renders cannot run: ${tool.name}: ${tool.detail}` };
  }
  if (f.proposals === 0 && total === 0) {
    if (f.paused)
      return { status: 'warn', detail: `Nothing written or rendered in ${hours} h: Maestro is paused.` };
    if (f.activeBrands === 0)
      return { status: 'warn', detail: 'No active brand, so nothing to write: add one in Brands.' };
    if (f.runningForMs < 24 * HOUR_MS)
      return {
        status: 'warn',
        detail: `Nothing written yet; Maestro has been running for ${ago(f.runningForMs)} and the daily burst writes next.`,
      };
    return {
      status: 'fail',
      detail: `Nothing written or rendered in ${hours} h while Maestro runs: the daily burst is not producing (see its cycle and the activity feed).`,
    };
  }
  const summary = `${hours} h: ${plural(f.proposals, 'proposal')}, ${plural(total, 'render')} (${completed} done, ${failed} failed)`;
  if (failed > 0 && completed === 0)
    return { status: 'fail', detail: `${summary}: every finished render failed.${last}` };
  if (total > 0 && failed / total > diagnosticsDefaults.pipeline.failedShareWarnAbove)
    return { status: 'warn', detail: `${summary}: more than half failed.${last}` };
  return { status: 'pass', detail: `${summary}.` };
}

export const contentPipelineCheck: SystemCheck = {
  name: 'content_pipeline',
  async run(ctx) {
    const { db, now } = ctx;
    const since = new Date(now.getTime() - diagnosticsDefaults.pipeline.windowHours * HOUR_MS).toISOString();
    const [maestro, brands, proposals, renders, lastFailed] = await Promise.all([
      ctx.maestro(),
      db
        .selectFrom('brands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('active', '=', 1)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('generation_jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('created_at', '>=', since)
        .groupBy('status')
        .execute(),
      db
        .selectFrom('generation_jobs')
        .select('error_message')
        .where('status', '=', 'failed')
        .where('created_at', '>=', since)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    const count = (status: string) => Number(renders.find((r) => r.status === status)?.n ?? 0);
    const resumedAt = !maestro.paused && maestro.changedAt ? Date.parse(maestro.changedAt) : 0;
    return judgePipeline({
      brokenTools: ctx.installation.filter((c) => renderToolchain.has(c.name) && !c.ok),
      paused: maestro.paused,
      runningForMs: now.getTime() - Math.max(ctx.startedAt.getTime(), resumedAt),
      activeBrands: Number(brands.n),
      proposals: Number(proposals.n),
      renders: {
        total: renders.reduce((s, r) => s + Number(r.n), 0),
        completed: count('completed'),
        failed: count('failed'),
        lastError: lastFailed?.error_message ?? null,
      },
    });
  },
};
