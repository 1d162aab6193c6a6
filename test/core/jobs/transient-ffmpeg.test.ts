import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src-main/core/ports/random';
import type { Sleep } from '../../../src-main/core/render/ffmpeg-runner';
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

/**
 * A stand-in FFmpeg (a real child process) whose first `failures` runs writing the video (its
 * one-second segment, then the reel with its music) leave a partial file and fail with
 * `message`, the way an encoder starved of memory does; every other call, and later runs, are
 * the real FFmpeg.
 */
function ffmpegWithBusyEncoder(failures: number, message: string): { path: string; encodes(): number } {
  const temp = makeTempDir('maestro-flaky-ffmpeg-');
  cleanups.push(temp.cleanup);
  const path = join(temp.dir, 'ffmpeg');
  const log = join(temp.dir, 'encodes.log');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'for a in "$@"; do out="$a"; done',
      'case "$out" in *video.mp4)',
      `  echo encode >> "${log}"`,
      `  if [ "$(wc -l < "${log}")" -le ${failures} ]; then`,
      '    echo "not a whole video" > "$out"',
      `    echo "${message}" >&2`,
      '    exit 1',
      '  fi;;',
      'esac',
      `exec "${mediaBinaries().ffmpeg}" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return { path, encodes: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').length : 0) };
}

async function core(ffmpeg: string, sleep: Sleep): Promise<TempCore> {
  const t = await openTempCore({
    random: seededRandom(11),
    autoStart: false,
    mediaBinaries: { ffmpeg, ffprobe: mediaBinaries().ffprobe },
    render: { sleep },
  });
  cleanups.push(() => t.close());
  await t.call('brands.create', sampleBrand);
  return t;
}

describe.skipIf(process.platform === 'win32')('a render whose FFmpeg fails transiently', () => {
  it('retries the step after the wait, says so in the activity feed, and completes', async () => {
    const ffmpeg = ffmpegWithBusyEncoder(1, 'Resource temporarily unavailable');
    const waits: number[] = [];
    const t = await core(ffmpeg.path, async (ms) => void waits.push(ms));
    const job = await t.call('jobs.create', reel);
    await t.core.jobs.queue.idle();

    const done = await t.call('jobs.get', { id: job.id });
    expect(done.error).toBeNull();
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(1);
    // The segment failed, its second attempt succeeded, then the music was added.
    expect(ffmpeg.encodes()).toBe(3);
    expect(waits).toEqual([8_000]);
    const activity = await t.call('activity.list', { limit: 50 });
    const retries = activity.filter((a) => a.action === 'Render step retrying');
    expect(retries).toHaveLength(1);
    expect(retries[0]!.detail).toBe(
      `${job.id}: ${reel.title}: FFmpeg failed while encoding the video (exit 1): Resource temporarily unavailable; attempt 2 of 3 in 8 s`,
    );
    expect(readdirSync(join(t.dir, 'media', 'jobs', job.id)).filter((f) => f.startsWith('.tmp-'))).toEqual(
      [],
    );
  });

  it('is cancelled at once when the cancel arrives during the wait', async () => {
    const ffmpeg = ffmpegWithBusyEncoder(3, 'Error while opening encoder for output stream #0:0');
    let jobId = '';
    // The wait never ends by itself: the job can only stop because the cancel interrupts it.
    const sleep: Sleep = () => {
      void t.call('jobs.cancel', { id: jobId });
      return new Promise(() => undefined);
    };
    const t = await core(ffmpeg.path, sleep);
    jobId = (await t.call('jobs.create', reel)).id;
    await t.core.jobs.queue.idle();

    const cancelled = await t.call('jobs.get', { id: jobId });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toBeNull();
    expect(cancelled.completedSteps).toEqual(['background', 'reel-image', 'thumbnail']);
    expect(ffmpeg.encodes()).toBe(1);
    const activity = await t.call('activity.list', { limit: 50 });
    expect(activity.filter((a) => a.action === 'Render cancelled')).toHaveLength(1);
    expect(readdirSync(join(t.dir, 'media', 'jobs', jobId)).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });
});
