import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src-main/core/ports/random';
import { gopReport, videoPackets } from '../../helpers/media-probe';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { expectPlatformReadyReel } from '../render/reel-checks';

const reel = {
  brandId: sampleBrand.id,
  title: 'Five small habits that quietly fix your sleep',
  contentLines: ['Dim the lights an hour before bed', 'Keep the bedroom cool'],
};

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function core(seed: number): Promise<TempCore> {
  const t = await openTempCore({ random: seededRandom(seed), autoStart: false, startRenderQueue: false });
  cleanups.push(() => t.close());
  await t.call('brands.create', sampleBrand);
  return t;
}

/** Rewrites a waiting job's render plan, as a plan drawn with that choice would be stored. */
async function planMotion(t: TempCore, jobId: string, motion: 'still' | 'full'): Promise<void> {
  const row = await t.core.store.db
    .selectFrom('generation_jobs')
    .select('render_plan')
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  const plan = { ...(JSON.parse(row.render_plan) as object), motion };
  await t.core.store.db
    .updateTable('generation_jobs')
    .set({ render_plan: JSON.stringify(plan) })
    .where('job_id', '=', jobId)
    .execute();
}

describe('the video step', () => {
  it('takes the path the render plan names: a still reel by default, every frame for a full one', async () => {
    const t = await core(21);
    const still = await t.call('jobs.create', { ...reel, variant: 'dark' });
    const full = await t.call('jobs.create', { ...reel, variant: 'light' });
    await planMotion(t, full.id, 'full');
    await t.core.jobs.queue.start();
    await t.core.jobs.queue.idle();

    for (const id of [still.id, full.id]) {
      const job = await t.call('jobs.get', { id });
      expect(job.error).toBeNull();
      expect(job.status).toBe('completed');
      await expectPlatformReadyReel(join(t.dir, 'media', job.files.video!), job.render.durationSeconds!);
    }
    const stillFile = join(t.dir, 'media', (await t.call('jobs.get', { id: still.id })).files.video!);
    const fullJob = await t.call('jobs.get', { id: full.id });
    const fullFile = join(t.dir, 'media', fullJob.files.video!);
    // The still path repeats a one-second GOP without reordering; the full path is x264
    // `medium` with B frames and a keyframe every 2 s.
    expect((await gopReport(stillFile)).keyframeSeconds.slice(0, 3)).toEqual([0, 1, 2]);
    expect((await videoPackets(stillFile)).every((p) => p.dtsSeconds === p.ptsSeconds)).toBe(true);
    expect((await gopReport(fullFile)).keyframeSeconds.slice(0, 3)).toEqual([0, 2, 4]);
    expect((await videoPackets(fullFile)).some((p) => p.dtsSeconds !== p.ptsSeconds)).toBe(true);
  });

  it('is stopped by a cancel while FFmpeg runs, leaving no temp file and no video', async () => {
    const t = await core(22);
    const job = await t.call('jobs.create', { ...reel, variant: 'dark' });
    // The first progress inside the video step comes from FFmpeg's own progress report.
    let cancelling: Promise<unknown> | undefined;
    t.core.events.subscribe((e) => {
      if (
        !cancelling &&
        e.stream === 'job.progress' &&
        e.payload.step === 'video' &&
        e.payload.status === 'generating' &&
        e.payload.percent > 22
      )
        cancelling = t.invoke('jobs.cancel', { id: job.id });
    });
    await t.core.jobs.queue.start();
    await t.core.jobs.queue.idle();
    expect(cancelling).toBeDefined();
    expect(await cancelling).toMatchObject({ ok: true });

    const cancelled = await t.call('jobs.get', { id: job.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toBeNull();
    expect(cancelled.completedSteps).toEqual(['background', 'reel-image', 'thumbnail']);
    const dir = join(t.dir, 'media', 'jobs', job.id);
    expect(readdirSync(dir).sort()).toEqual(['reel.png', 'thumbnail.jpg']);
    expect(existsSync(join(dir, 'video.mp4'))).toBe(false);
    const activity = await t.call('activity.list', { limit: 50 });
    expect(activity.filter((a) => a.action === 'Render cancelled')).toHaveLength(1);
  });
});
