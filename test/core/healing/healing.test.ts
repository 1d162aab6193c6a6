import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaBinaries } from '../../helpers/media-probe';
import { makeTempDir } from '../../helpers/temp-dir';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';
import { sampleBrand, type TempCore } from '../../helpers/temp-core';

/**
 * Healing against real renders on a real SQLite file. FFmpeg is replaced by a small script that
 * fails the way a broken encoder fails (or hangs, for the stuck render); ffprobe is the real one.
 */

let h: BurstHarness | null = null;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await h?.close();
  h = null;
  cleanups.splice(0).forEach((c) => c());
});

function fakeFfmpeg(body: string): string {
  const dir = makeTempDir();
  cleanups.push(dir.cleanup);
  const file = join(dir.dir, 'ffmpeg');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A core whose accepted proposals render with `ffmpeg`: Maestro's own renders, from a real burst. */
async function open(ffmpeg: string, reels = 1): Promise<TempCore> {
  h = await openBurstHarness({
    brands: 1,
    settings: { reelsPerBrand: reels, postsPerBrand: 0, renderConcurrency: 1 },
    core: {
      startRenderQueue: true,
      mediaBinaries: { ffmpeg, ffprobe: mediaBinaries().ffprobe },
      // FFmpeg's own quick retries (8 s, 16 s) pass at once.
      render: { sleep: async () => undefined },
    },
  });
  return h.t;
}

/** Runs a burst (the examiner accepts) and returns the render jobs it queued. */
async function burstRenders(core: TempCore): Promise<string[]> {
  await core.core.bursts.runner.start('smart');
  await core.core.bursts.runner.settled();
  const jobs = await core.core.store.db
    .selectFrom('generation_jobs')
    .select('job_id')
    .orderBy('created_at')
    .execute();
  return jobs.map((j) => j.job_id);
}

const reel = (proposalId: string | null) => ({
  proposalId,
  brandId: sampleBrand.id,
  variant: 'dark' as const,
  title: 'WHY MAGNESIUM CHANGES YOUR SLEEP',
  contentLines: ['Magnesium - calms the nervous system', 'Sleep - repairs the body'],
});

function activity(core: TempCore, action: string) {
  return core.core.store.db
    .selectFrom('activity_log')
    .select(['detail'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('healing', () => {
  it('retries a recurring failure of a Maestro render exactly twice, then reports it once with what to do', async () => {
    const core = await open(
      fakeFfmpeg('echo "Error while opening encoder for output stream #0:0" >&2\nexit 1'),
    );
    const [id] = await burstRenders(core);
    const job = { id: id! };
    await core.core.jobs.queue.idle();
    expect((await core.call('jobs.get', { id: job.id })).status).toBe('failed');

    for (let round = 1; round <= 2; round++) {
      const report = await core.core.healing.run();
      expect(report.retried).toEqual([job.id]);
      await core.core.jobs.queue.idle();
      expect((await core.call('jobs.get', { id: job.id })).status).toBe('failed');
    }
    const third = await core.core.healing.run();
    expect(third).toMatchObject({ retried: [], reported: [job.id] });
    // Later runs leave it alone: reported once, never retried a third time.
    expect(await core.core.healing.run()).toMatchObject({ retried: [], reported: [] });
    expect(await core.core.healing.run()).toMatchObject({ retried: [], reported: [] });

    const row = await core.core.store.db
      .selectFrom('generation_jobs')
      .select(['auto_retries', 'error_kind', 'failure_reported_at', 'status'])
      .where('job_id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ auto_retries: 2, error_kind: 'ffmpeg_failed', status: 'failed' });
    expect(row.failure_reported_at).not.toBeNull();
    expect(await activity(core, 'Render retried')).toHaveLength(2);
    const reported = await activity(core, 'Render failed for good');
    expect(reported).toHaveLength(1);
    expect(reported[0]!.detail).toContain('ffmpeg_other');
    expect(reported[0]!.detail).toContain('Tried 3 times (2 automatic retries)');
  });

  it('never retries a render started by hand, and reports its failure once', async () => {
    const core = await open(fakeFfmpeg('echo "Error while opening encoder" >&2\nexit 1'), 0);
    await core.call('brands.create', sampleBrand);
    const manual = await core.call('jobs.create', reel(null));
    await core.core.jobs.queue.idle();
    const report = await core.core.healing.run();
    expect(report).toMatchObject({ retried: [], reported: [manual.id] });
    const [line] = await activity(core, 'Render failed for good');
    expect(line!.detail).toContain('Started by hand, so not retried automatically');
  });

  it('reports a render again when it fails again after the creator retried it', async () => {
    const core = await open(fakeFfmpeg('echo "Error while opening encoder" >&2\nexit 1'), 0);
    await core.call('brands.create', sampleBrand);
    const manual = await core.call('jobs.create', reel(null));
    await core.core.jobs.queue.idle();
    expect(await core.core.healing.run()).toMatchObject({ reported: [manual.id] });

    await core.call('jobs.retry', { id: manual.id });
    await core.core.jobs.queue.idle();
    expect((await core.call('jobs.get', { id: manual.id })).status).toBe('failed');
    core.clock.advance(60_000);
    expect(await core.core.healing.run()).toMatchObject({ retried: [], reported: [manual.id] });
    expect(await core.core.healing.run()).toMatchObject({ reported: [] });
    expect(await activity(core, 'Render failed for good')).toHaveLength(2);
  });

  it('stops a render stuck without progress for 30 minutes at its step, and retries it; a render waiting its turn is never stuck', async () => {
    const core = await open(fakeFfmpeg('exec sleep 3600'), 2);
    const ids = await burstRenders(core);
    expect(ids).toHaveLength(2);
    // Wait until one render is inside FFmpeg (its step set, its heartbeat written): that one is
    // stuck, the other waits its turn. Which one the queue claimed first is not this test's concern.
    let stuckId: string | undefined;
    for (let i = 0; i < 200 && !stuckId; i++) {
      for (const id of ids) {
        const job = await core.call('jobs.get', { id });
        if (job.status === 'generating' && job.currentStep) stuckId = id;
      }
      if (!stuckId) await new Promise((r) => setTimeout(r, 25));
    }
    const stuck = { id: stuckId! };
    const waiting = { id: ids.find((id) => id !== stuckId)! };
    core.clock.advance(29 * 60_000);
    expect((await core.core.healing.run()).timedOut).toEqual([]);
    core.clock.advance(2 * 60_000);
    const report = await core.core.healing.run();
    expect(report.timedOut).toEqual([stuck.id]);
    // The stopped render failed at its step with the timeout, the waiting one started (and hangs too).
    for (let i = 0; i < 200; i++) {
      if ((await core.call('jobs.get', { id: stuck.id })).status === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const failed = await core.call('jobs.get', { id: stuck.id });
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(
      /Stuck in ".+" for 31 min without progress \(the limit is 30 min\)/,
    );
    expect((await core.call('jobs.get', { id: waiting.id })).status).not.toBe('failed');
    // Next healing run: a timeout can pass, so it is queued again (from its last finished step).
    const again = await core.core.healing.run();
    expect(again.retried).toEqual([stuck.id]);
    expect((await core.call('jobs.get', { id: stuck.id })).status).toMatch(/pending|generating/);
  });
});
