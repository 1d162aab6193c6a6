/**
 * A day's renders for 5 brands (6 reels and 2 carousels each, as the daily burst accepts them)
 * through the real render queue, from the moment the queue starts on 40 waiting jobs until the
 * last one is done. Backgrounds are the brand gradients (no image provider), as offline.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src-main/core/ports/random';
import { openTempCore, sampleBrand } from '../test/helpers/temp-core';

const brandColors = ['#004F00', '#7A1F5C', '#1F3A7A', '#8A5A00', '#2E6B6B'];

const reelTopics = [
  'Five small habits that quietly fix your sleep',
  'Why morning light matters more than coffee',
  'Three foods that calm an anxious gut',
  'The walking habit that protects your heart',
  'What magnesium actually does at night',
  'Four signs you are not drinking enough water',
];

/**
 * CPU time used so far by this process and the children it has waited for (every FFmpeg), in
 * ms; Linux only (elsewhere this process alone). On a busy machine the wall time depends on the
 * neighbours, this does not.
 */
export function cpuMsSoFar(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + childrenCpuMs();
}

/** cutime + cstime of /proc/self/stat (fields 16 and 17, in 1/100 s), or 0 where there is none. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

export interface DayRun {
  wallMs: number;
  /** CPU time of the app and its FFmpeg runs during the day. */
  cpuMs: number;
  reels: number;
  carousels: number;
  concurrency: number;
  /** Sizes of the reels' video files, in bytes. */
  videoBytes: number[];
}

export async function renderDay(
  options: { brands?: number; reelsPerBrand?: number; carouselsPerBrand?: number; concurrency?: number } = {},
): Promise<DayRun> {
  const brands = options.brands ?? 5;
  const reelsPerBrand = options.reelsPerBrand ?? 6;
  const carouselsPerBrand = options.carouselsPerBrand ?? 2;
  const t = await openTempCore({ random: seededRandom(2027), autoStart: false, startRenderQueue: false });
  try {
    if (options.concurrency)
      await t.call('settings.set', { values: { renderConcurrency: options.concurrency } });
    const concurrency = (await t.call('settings.get')).values.renderConcurrency;
    const ids: string[] = [];
    for (let b = 0; b < brands; b++) {
      const brandId = `${sampleBrand.id}-${b + 1}`;
      await t.call('brands.create', {
        ...sampleBrand,
        id: brandId,
        displayName: `${sampleBrand.displayName} ${b + 1}`,
        instagramHandle: `${sampleBrand.instagramHandle}${b + 1}`,
        colors: { ...sampleBrand.colors, primary: brandColors[b % brandColors.length]! },
      });
      for (let r = 0; r < reelsPerBrand; r++) {
        const job = await t.call('jobs.create', {
          brandId,
          variant: r % 2 === 0 ? 'dark' : 'light',
          title: reelTopics[r % reelTopics.length]!,
          contentLines: [
            'Dim the lights an hour before bed',
            'Keep the bedroom cool: 18 °C, not 22',
            'Stop caffeine after 2 pm',
            'Get ten minutes of morning light',
          ],
          caption: 'Sleep is built during the day.',
        });
        ids.push(job.id);
      }
      for (let c = 0; c < carouselsPerBrand; c++) {
        const job = await t.call('jobs.create', {
          brandId,
          variant: 'post',
          title: 'Why morning light matters more than coffee',
          contentLines: [
            'Morning light sets your body clock.\nTen minutes outside is enough.',
            'Coffee can wait an hour: cortisol is already up when you wake.',
            'Walk while you sip, and you get both.',
            'On grey days, light still counts: overcast is brighter than indoors.',
          ],
          caption: 'Light first, coffee second.',
        });
        ids.push(job.id);
      }
    }

    const started = performance.now();
    const cpuStarted = cpuMsSoFar();
    await t.core.jobs.queue.start();
    await t.core.jobs.queue.idle();
    const wallMs = performance.now() - started;
    const cpuMs = cpuMsSoFar() - cpuStarted;

    const jobs = await Promise.all(ids.map((id) => t.call('jobs.get', { id })));
    const failed = jobs.filter((j) => j.status !== 'completed');
    if (failed.length > 0) throw new Error(`${failed.length} renders failed: ${failed[0]!.error?.message}`);
    const reels = jobs.filter((j) => j.variant !== 'post');
    return {
      wallMs,
      cpuMs,
      reels: reels.length,
      carousels: jobs.length - reels.length,
      concurrency,
      videoBytes: reels.map((j) => statSync(join(t.dir, 'media', j.files.video!)).size),
    };
  } finally {
    await t.close();
  }
}
