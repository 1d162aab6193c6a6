import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImageProvider } from '../../../src-main/core/ports/images';
import { seededRandom } from '../../../src-main/core/ports/random';
import { defaultResourcesDir } from '../../../src-main/core/render/resources';
import { mediaBinaries } from '../../helpers/media-probe';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { makeTempDir } from '../../helpers/temp-dir';

const reel = {
  brandId: sampleBrand.id,
  variant: 'dark' as const,
  title: 'Five small habits that quietly fix your sleep',
  contentLines: ['Dim the lights an hour before bed', 'Keep the bedroom cool'],
};

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function core(options: Parameters<typeof openTempCore>[0] = {}): Promise<TempCore> {
  const t = await openTempCore({ random: seededRandom(3), autoStart: false, ...options });
  cleanups.push(() => t.close());
  await t.call('brands.create', sampleBrand);
  return t;
}

/** A stand-in FFmpeg (a shell script) in its own folder. */
function fakeFfmpeg(script: string): string {
  const temp = makeTempDir('maestro-fake-ffmpeg-');
  cleanups.push(temp.cleanup);
  const file = join(temp.dir, 'ffmpeg');
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe.skipIf(process.platform === 'win32')(
  'a render that cannot succeed fails the job with a clear message',
  () => {
    it('an unreadable background image fails that job while the other job completes', async () => {
      const images: ImageProvider = {
        name: 'test images',
        generate: async (request) =>
          request.prompt.includes('broken') ? Buffer.from('this is not an image') : null,
      };
      const t = await core({ images });
      const [bad, good] = await Promise.all([
        t.call('jobs.create', { ...reel, imagePrompt: 'a broken picture' }),
        t.call('jobs.create', { ...reel, imagePrompt: 'a fine picture' }),
      ]);
      await t.core.jobs.queue.idle();
      const failed = await t.call('jobs.get', { id: bad.id });
      expect(failed.status).toBe('failed');
      expect(failed.error!.step).toBe('background');
      expect(failed.error!.message).toMatch(/^The background image from test images could not be read/);
      const completed = await t.call('jobs.get', { id: good.id });
      expect(completed.status).toBe('completed');
      expect(completed.render.background).toBe('test images');
      const activity = await t.call('activity.list', { limit: 50 });
      expect(activity.some((a) => a.action === 'Render failed' && a.level === 'error')).toBe(true);
    });

    it('a missing font names the file', async () => {
      const temp = makeTempDir();
      cleanups.push(temp.cleanup);
      cpSync(defaultResourcesDir(), temp.dir, { recursive: true });
      rmSync(join(temp.dir, 'fonts', 'Poppins-Bold.ttf'));
      const t = await core({ resourcesDir: temp.dir });
      const job = await t.call('jobs.create', reel);
      await t.core.jobs.queue.idle();
      const failed = await t.call('jobs.get', { id: job.id });
      expect(failed.status).toBe('failed');
      expect(failed.error!.step).toBe('reel-image');
      expect(failed.error!.message).toContain(
        `The font ${join(temp.dir, 'fonts', 'Poppins-Bold.ttf')} is missing`,
      );
      const health = await t.call('app.health');
      expect(health.status).toBe('degraded');
      expect(health.checks.find((c) => c.name === 'render fonts')).toMatchObject({ ok: false });
    });

    it('FFmpeg exiting non-zero keeps its own explanation and output', async () => {
      const ffmpeg = fakeFfmpeg(
        'echo "Error initializing complex filters." >&2\necho "Invalid argument" >&2\nexit 1',
      );
      const t = await core({ mediaBinaries: { ffmpeg, ffprobe: mediaBinaries().ffprobe } });
      const job = await t.call('jobs.create', reel);
      await t.core.jobs.queue.idle();
      const failed = await t.call('jobs.get', { id: job.id });
      expect(failed.status).toBe('failed');
      expect(failed.error!.message).toBe(
        'FFmpeg failed while drawing the reel image (exit 1): Invalid argument',
      );
      expect(failed.error!.details).toContain('Error initializing complex filters.');
    });

    it('a full disk is reported as such', async () => {
      // The real FFmpeg, but the video goes to /dev/full, where every write fails with ENOSPC.
      const ffmpeg = fakeFfmpeg(
        'n=$#; i=0\n' +
          'for a in "$@"; do i=$((i+1)); if [ $i -eq $n ]; then case "$a" in *.mp4) a=/dev/full;; esac; fi; set -- "$@" "$a"; done\n' +
          `shift $n\nexec "${mediaBinaries().ffmpeg}" "$@"`,
      );
      const t = await core({ mediaBinaries: { ffmpeg, ffprobe: mediaBinaries().ffprobe } });
      const job = await t.call('jobs.create', reel);
      await t.core.jobs.queue.idle();
      const failed = await t.call('jobs.get', { id: job.id });
      expect(failed.status).toBe('failed');
      expect(failed.error!.step).toBe('video');
      expect(failed.error!.message).toMatch(
        /^The disk is full: FFmpeg could not write while encoding the video: /,
      );
    });

    it('FFmpeg missing altogether says so', async () => {
      const t = await core({
        mediaBinaries: { ffmpeg: '/nonexistent/ffmpeg', ffprobe: '/nonexistent/ffprobe' },
      });
      const job = await t.call('jobs.create', reel);
      await t.core.jobs.queue.idle();
      const failed = await t.call('jobs.get', { id: job.id });
      expect(failed.status).toBe('failed');
      expect(failed.error!.message).toContain('FFmpeg could not be started');
      const health = await t.call('app.health');
      expect(health.checks.find((c) => c.name === 'ffmpeg')).toMatchObject({ ok: false });
    });
  },
);

/** FFmpeg processes whose command line names `dir` (Linux: read from /proc; elsewhere none). */
function ffmpegsWorkingIn(dir: string): number[] {
  if (process.platform !== 'linux') return [];
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('ffmpeg') && cmd.includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('cancel and retry', () => {
  it('cancels a rendering job at once and a retry finishes it from its last step', async () => {
    const t = await core();
    await t.call('settings.set', { values: { renderConcurrency: 1 } });
    const reachedVideo = new Promise<void>((resolve) =>
      t.core.events.subscribe((e) => {
        if (e.stream === 'job.progress' && e.payload.step === 'video' && e.payload.percent > 30) resolve();
      }),
    );
    const running = await t.call('jobs.create', reel);
    const waiting = await t.call('jobs.create', reel);
    await reachedVideo;
    expect((await t.call('jobs.cancel', { id: waiting.id })).status).toBe('cancelled');
    const stopping = await t.call('jobs.cancel', { id: running.id });
    // Asked to stop, not yet stopped: the queue says "cancelled" once FFmpeg has exited.
    expect(stopping).toMatchObject({ status: 'generating', cancelRequested: true });
    await t.core.jobs.queue.idle();
    const cancelled = await t.call('jobs.get', { id: running.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toBeNull();
    expect(cancelled.completedSteps).toEqual(['background', 'reel-image', 'thumbnail']);
    expect(ffmpegsWorkingIn(t.dir)).toEqual([]);
    // The interrupted encode's partial file is gone; the finished steps' files stay for the retry.
    expect(readdirSync(join(t.dir, 'media', 'jobs', running.id)).sort()).toEqual([
      'reel.png',
      'thumbnail.jpg',
    ]);
    const activity = await t.call('activity.list', { limit: 50 });
    for (const id of [running.id, waiting.id]) {
      expect(
        activity.filter((a) => a.action === 'Render cancelled' && a.detail.startsWith(`${id}:`)),
      ).toHaveLength(1);
    }
    expect(await t.invoke('jobs.cancel', { id: running.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { status: 'cancelled' } },
    });

    await t.call('jobs.retry', { id: running.id });
    await t.core.jobs.queue.idle();
    const done = await t.call('jobs.get', { id: running.id });
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(2);
    expect(await t.invoke('jobs.retry', { id: running.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { status: 'completed' } },
    });
    expect((await t.call('jobs.get', { id: waiting.id })).status).toBe('cancelled');
  });

  it('refuses unknown brands, proposals and jobs with typed errors', async () => {
    const t = await core();
    expect(await t.invoke('jobs.create', { ...reel, brandId: 'no-such-brand' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await t.invoke('jobs.create', { ...reel, proposalId: 'TOBY-999999' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await t.invoke('jobs.get', { id: 'GEN-000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const tooMany = Array.from({ length: 10 }, (_, i) => `Slide ${i + 1}`);
    expect(await t.invoke('jobs.create', { ...reel, variant: 'post', contentLines: tooMany })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
