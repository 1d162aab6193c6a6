/**
 * How far the app's reel video is from the floor, and what a day of renders takes.
 *
 * The floor is the fastest correct way to make a still reel, written out by hand as plain FFmpeg
 * invocations: one second of the frame encoded once as a closed GOP, then repeated by stream
 * copy to the reel's length with the music encoded beside it. The app's side is its own video
 * step (music choice, arguments, FFmpeg runs with progress and retry, temp files, publishing)
 * on the same frame and music. Rounds of `concurrency` reels side by side alternate which side
 * goes first, so a burst of load from elsewhere on the machine lands on both; the ratio is the
 * median of the rounds' ratios.
 */
import { execFile } from 'node:child_process';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { findBrandRow, brandFromRow } from '../src-main/core/brands/brands-repository';
import { jobMediaFolder } from '../src-main/core/jobs/job-queue';
import { outputOf, planOf } from '../src-main/core/jobs/job-record';
import { findJobRow } from '../src-main/core/jobs/job-repository';
import { runRenderStep, type RenderDeps } from '../src-main/core/jobs/render-job';
import { noImageProvider } from '../src-main/core/ports/images';
import { seededRandom } from '../src-main/core/ports/random';
import { realSleep } from '../src-main/core/render/ffmpeg-runner';
import { chooseMusic, loadMusicLibrary } from '../src-main/core/render/music';
import { renderParallelism } from '../src-main/core/render/parallelism';
import { defaultResourcesDir, renderResources } from '../src-main/core/render/resources';
import { mediaBinaries } from '../test/helpers/media-probe';
import { openTempCore, sampleBrand, type TempCore } from '../test/helpers/temp-core';
import type { BenchResult } from './burst';
import { cpuMsSoFar, renderDay } from './render-day';

const run = promisify(execFile);

const titles = [
  'Five small habits that quietly fix your sleep',
  'Why morning light matters more than coffee',
  'Three foods that calm an anxious gut',
  'The walking habit that protects your heart',
];

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface ReelSource {
  jobId: string;
  dir: string;
  frameFile: string;
  musicFile: string;
  musicOffsetSeconds: number;
  musicGainDb: number;
  durationSeconds: number;
}

/** The floor, by hand: the segment, then the reel copied from it with the music. */
async function floorVideo(ffmpeg: string, reel: ReelSource, out: string): Promise<void> {
  const d = reel.durationSeconds;
  const segment = `${out}.segment.mp4`;
  const quiet = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
  await run(ffmpeg, [
    ...quiet,
    '-framerate',
    '30',
    '-i',
    reel.frameFile,
    '-filter_complex',
    '[0:v]scale=1080:1920,setsar=1,format=yuv420p,loop=loop=29:size=1:start=0,setpts=N/FRAME_RATE/TB[v]',
    '-map',
    '[v]',
    '-frames:v',
    '30',
    '-c:v',
    'libx264',
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-preset',
    'veryfast',
    '-tune',
    'stillimage',
    '-qp',
    '28',
    '-bf',
    '0',
    '-g',
    '30',
    '-keyint_min',
    '30',
    '-sc_threshold',
    '0',
    '-x264-params',
    'me=dia:subme=0',
    '-r',
    '30',
    '-threads',
    '1',
    '-an',
    '-f',
    'mp4',
    segment,
  ]);
  await run(ffmpeg, [
    ...quiet,
    '-stream_loop',
    String(Math.ceil(d) - 1),
    '-i',
    segment,
    '-ss',
    reel.musicOffsetSeconds.toFixed(3),
    '-t',
    String(d),
    '-i',
    reel.musicFile,
    '-filter_complex',
    `[1:a]aresample=44100,aformat=channel_layouts=stereo,volume=${reel.musicGainDb.toFixed(2)}dB,` +
      `afade=t=out:st=${d - 0.5}:d=0.5,atrim=duration=${d},asetpts=PTS-STARTPTS[a]`,
    '-map',
    '0:v',
    '-map',
    '[a]',
    '-c:v',
    'copy',
    '-c:a',
    'aac',
    '-b:a',
    '192k',
    '-t',
    String(d),
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    out,
  ]);
  await rm(segment, { force: true });
}

/** Renders `count` reels through the queue: their frames and plans are what both sides encode. */
async function prepareReels(t: TempCore, count: number): Promise<ReelSource[]> {
  const created = [];
  for (let i = 0; i < count; i++) {
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
  const tracks = await loadMusicLibrary(renderResources(defaultResourcesDir()).musicDir);
  return Promise.all(
    created.map(async ({ id }) => {
      const job = await t.call('jobs.get', { id });
      if (job.status !== 'completed') throw new Error(`${id} ${job.status}: ${job.error?.message}`);
      const plan = planOf((await findJobRow(t.core.store.db, id))!);
      const d = plan.durationSeconds!;
      const music = chooseMusic(
        tracks.map((x) => x.durationSeconds),
        d,
        plan.musicPick!,
        plan.musicStart!,
      );
      const track = tracks[music.trackIndex]!;
      return {
        jobId: id,
        dir: join(t.dir, 'media', jobMediaFolder(id)),
        frameFile: join(t.dir, 'media', job.files.reelImage!),
        musicFile: track.file,
        musicOffsetSeconds: music.offsetSeconds,
        musicGainDb: -14 - track.integratedLufs,
        durationSeconds: d,
      };
    }),
  );
}

/** The app's video step for one finished job, run again under a fresh attempt id. */
async function appVideo(t: TempCore, deps: RenderDeps, reel: ReelSource, runId: string): Promise<void> {
  const row = (await findJobRow(t.core.store.db, reel.jobId))!;
  const brand = brandFromRow((await findBrandRow(t.core.store.db, sampleBrand.id))!, new Set());
  await runRenderStep(
    'video',
    {
      row,
      brand,
      plan: planOf(row),
      output: outputOf(row),
      dir: reel.dir,
      relativeDir: jobMediaFolder(reel.jobId),
      runId,
      signal: new AbortController().signal,
      onFraction: () => undefined,
      onRetry: async () => undefined,
    },
    deps,
  );
}

/** Wall and CPU time (this process and its FFmpegs) of a piece of work, in ms. */
async function timed(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpuStarted = cpuMsSoFar();
  await work();
  return { wall: performance.now() - started, cpu: cpuMsSoFar() - cpuStarted };
}

export async function benchRenderReels(
  options: { rounds?: number; concurrency?: number; days?: number } = {},
): Promise<BenchResult> {
  const rounds = options.rounds ?? 30;
  const concurrency = options.concurrency ?? renderParallelism.jobs;
  const days = options.days ?? 3;
  const ffmpeg = mediaBinaries().ffmpeg;
  const t = await openTempCore({ random: seededRandom(2026), autoStart: false });
  const appMs: number[] = [];
  const floorMs: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  let appBytes = 0;
  let floorBytes = 0;
  try {
    await t.call('brands.create', sampleBrand);
    const reels = await prepareReels(t, 2 * concurrency);
    const deps: RenderDeps = {
      ffmpeg,
      resources: renderResources(defaultResourcesDir()),
      images: noImageProvider,
      sleep: realSleep,
    };
    for (let r = 0; r < rounds; r++) {
      const batch = Array.from(
        { length: concurrency },
        (_, i) => reels[(r * concurrency + i) % reels.length]!,
      );
      const floorFile = (reel: ReelSource) => join(t.dir, `floor-${reel.jobId}.mp4`);
      const app = () => timed(() => Promise.all(batch.map((reel) => appVideo(t, deps, reel, `bench${r}`))));
      const floor = () =>
        timed(() => Promise.all(batch.map((reel) => floorVideo(ffmpeg, reel, floorFile(reel)))));
      let a: { wall: number; cpu: number };
      let f: { wall: number; cpu: number };
      if (r % 2 === 0) {
        a = await app();
        f = await floor();
      } else {
        f = await floor();
        a = await app();
      }
      appMs.push(a.wall);
      floorMs.push(f.wall);
      ratios.push(a.wall / f.wall);
      cpuRatios.push(a.cpu / f.cpu);
      appBytes = (await stat(join(batch[0]!.dir, 'video.mp4'))).size;
      floorBytes = (await stat(floorFile(batch[0]!))).size;
    }
  } finally {
    await t.close();
  }

  const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
  const ratio = median(ratios);
  const result: BenchResult = {
    name: 'render-reels',
    goals: [{ label: 'video vs floor', value: ratio, target: 1.1 }],
    lines: [
      `render-reels: still reel video (1080×1920, 7–8 s), ${concurrency} side by side, ${rounds} rounds alternating who goes first`,
      `  app's video step ${(median(appMs) / 1000).toFixed(3)} s vs floor ${(median(floorMs) / 1000).toFixed(3)} s per round (medians; floor: segment + stream-copy recipe as plain FFmpeg)`,
      `  ratio ${ratio.toFixed(3)} (median of rounds; target ≤ 1.1), rounds ${ratios.map((x) => x.toFixed(2)).join(' ')}`,
      `  CPU time ratio ${median(cpuRatios).toFixed(3)} (median of rounds: this process and its FFmpegs, whatever else runs)`,
      `  file: app ${kb(appBytes)}, floor ${kb(floorBytes)}`,
    ],
  };
  if (days === 0) return result;

  const dayRuns = [];
  for (let i = 0; i < days; i++) dayRuns.push(await renderDay());
  const dayMs = median(dayRuns.map((d) => d.wallMs));
  const day = dayRuns[0]!;
  result.goals.push({ label: 'day, s', value: dayMs / 1000, target: 30 });
  result.lines.push(
    `render-day: ${day.reels} reels + ${day.carousels} carousels for 5 brands, queue to done, ${day.concurrency} at a time`,
    `  ${(dayMs / 1000).toFixed(2)} s (median of ${days}: ${dayRuns.map((d) => (d.wallMs / 1000).toFixed(2)).join(', ')}; target ≤ 30 s), CPU ${(median(dayRuns.map((d) => d.cpuMs)) / 1000).toFixed(1)} s`,
    `  reel videos ${kb(median(day.videoBytes))} median, ${kb(Math.max(...day.videoBytes))} largest`,
  );
  return result;
}
