/**
 * Ten reels through the whole job queue (background, frame, thumbnail, video, YouTube thumbnail,
 * captions, checkpoints) compared with the physical floor: one hand-written FFmpeg command per
 * reel that encodes the same frame with the same music into the same video, run with the same
 * number side by side.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Job } from '../src-main/core/contract/jobs';
import { seededRandom } from '../src-main/core/ports/random';
import { chooseMusic, loadMusicLibrary } from '../src-main/core/render/music';
import { defaultResourcesDir, renderResources } from '../src-main/core/render/resources';
import { mediaBinaries } from '../test/helpers/media-probe';
import { openTempCore, sampleBrand } from '../test/helpers/temp-core';
import type { BenchResult } from './burst';

const run = promisify(execFile);

const titles = [
  'Five small habits that quietly fix your sleep',
  'Why morning light matters more than coffee',
  'Three foods that calm an anxious gut',
  'The walking habit that protects your heart',
  'What magnesium actually does at night',
  'Four signs you are not drinking enough water',
  'How ten minutes of sun changes your mood',
  'The evening routine doctors quietly follow',
  'Why your brain loves a short afternoon walk',
  'Simple swaps that steady your blood sugar',
];

/** Runs `tasks` with at most `limit` at once. */
async function pool(tasks: Array<() => Promise<unknown>>, limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

export async function benchRenderReels(
  options: { reels?: number; concurrency?: number } = {},
): Promise<BenchResult> {
  const count = options.reels ?? 10;
  const concurrency = options.concurrency ?? 2;
  const t = await openTempCore({ random: seededRandom(2026), autoStart: false });
  try {
    await t.call('brands.create', sampleBrand);
    await t.call('settings.set', { values: { renderConcurrency: concurrency } });

    const ffmpeg = mediaBinaries().ffmpeg;
    const tracks = await loadMusicLibrary(renderResources(defaultResourcesDir()).musicDir);
    /** The floor for one finished job: the same frame and music, one FFmpeg command, written out by hand. */
    const floorEncode = async (job: Job, plan: Record<string, number>, out: string) => {
      const d = plan.durationSeconds!;
      const music = chooseMusic(
        tracks.map((x) => x.durationSeconds),
        d,
        plan.musicPick!,
        plan.musicStart!,
      );
      const track = tracks[music.trackIndex]!;
      await run(ffmpeg, [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-y',
        '-i',
        join(t.dir, 'media', job.files.reelImage!),
        '-ss',
        String(music.offsetSeconds),
        '-t',
        String(d),
        '-i',
        track.file,
        '-filter_complex',
        `[0:v]format=yuv420p,loop=loop=-1:size=1:start=0,fps=30,trim=duration=${d}[v];` +
          `[1:a]aresample=44100,aformat=channel_layouts=stereo,volume=${(-14 - track.integratedLufs).toFixed(2)}dB,` +
          `afade=t=out:st=${d - 0.5}:d=0.5,atrim=duration=${d}[a]`,
        '-map',
        '[v]',
        '-map',
        '[a]',
        '-c:v',
        'libx264',
        '-preset',
        'medium',
        '-crf',
        '23',
        '-profile:v',
        'high',
        '-pix_fmt',
        'yuv420p',
        '-r',
        '30',
        '-threads',
        '1',
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-t',
        String(d),
        '-movflags',
        '+faststart',
        out,
      ]);
    };

    // Rounds of `concurrency` reels, each followed by its floor, so a burst of load from
    // elsewhere on the machine lands on both sides instead of skewing one.
    let pipelineMs = 0;
    let floorMs = 0;
    for (let done = 0; done < count; done += concurrency) {
      const round = Math.min(concurrency, count - done);
      const started = performance.now();
      const created: Job[] = [];
      for (let i = done; i < done + round; i++) {
        created.push(
          await t.call('jobs.create', {
            brandId: sampleBrand.id,
            variant: i % 2 === 0 ? 'dark' : 'light',
            title: titles[i % titles.length]!,
            contentLines: [
              'Dim the lights an hour before bed',
              'Keep the bedroom cool',
              'Stop caffeine after 2 pm',
            ],
            caption: 'Sleep is built during the day.',
          }),
        );
      }
      await t.core.jobs.queue.idle();
      pipelineMs += performance.now() - started;
      const jobs = await Promise.all(created.map((j) => t.call('jobs.get', { id: j.id })));
      const failed = jobs.filter((j) => j.status !== 'completed');
      if (failed.length > 0) throw new Error(`${failed.length} reels failed: ${failed[0]!.error?.message}`);
      const rows = await t.core.store.db
        .selectFrom('generation_jobs')
        .select(['job_id', 'render_plan'])
        .where(
          'job_id',
          'in',
          jobs.map((j) => j.id),
        )
        .execute();
      const plans = new Map(rows.map((r) => [r.job_id, JSON.parse(r.render_plan) as Record<string, number>]));
      const floorStarted = performance.now();
      await pool(
        jobs.map((job) => () => floorEncode(job, plans.get(job.id)!, join(t.dir, `floor-${job.id}.mp4`))),
        concurrency,
      );
      floorMs += performance.now() - floorStarted;
    }
    const ratio = pipelineMs / floorMs;
    const perMinute = count / (pipelineMs / 60_000);
    return {
      name: 'render-reels',
      ratio,
      target: 1.25,
      lines: [
        `render-reels: ${count} reels (light and dark, 7–8 s, 1080×1920), ${concurrency} at a time`,
        `  queue ${(pipelineMs / 1000).toFixed(2)} s vs floor ${(floorMs / 1000).toFixed(2)} s (one hand-written FFmpeg encode per reel from the same frame)`,
        `  ratio ${ratio.toFixed(3)} (target ≤ 1.25), ${perMinute.toFixed(1)} reels per minute`,
      ],
    };
  } finally {
    await t.close();
  }
}
