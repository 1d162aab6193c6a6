import { renderParallelism } from '../render/parallelism';

export const jobDefaults = {
  idPrefix: 'GEN-',
  idDigits: 6,
  /** Redraws before the id grows a digit; a clash at 6 digits is rare, twenty in a row is not a thing. */
  maxIdDraws: 20,
  /**
   * Jobs rendering at once unless settings say otherwise (renderConcurrency, 1–8): one more than
   * the machine has cores, each FFmpeg on one thread (render/parallelism.ts). Measured on 2 cores
   * with a day for 5 brands (30 reels + 10 carousels, 12.5–13 s of CPU), other work running:
   * - 2 jobs leave 13–15 % of the 2 cores without an FFmpeg of ours (a job between two runs is
   *   loading fonts, laying out, checkpointing, spawning); 3 jobs leave 3–4 %, 4 gain nothing
   *   more. Six back-to-back pairs, 3 vs 2 jobs: 0.88 × the wall time (median), 14.9 vs 17.4 s.
   * - Threads do not help: 1 job × 2 threads took ~12 s where 2 × 1 took 6.6 s at a quiet
   *   moment, and 2 × 2 was no faster than 2 × 1.
   */
  renderConcurrency: renderParallelism.jobs,
  listLimit: 100,
  /** Live progress events are sent when the percent moves by at least this much. */
  progressEventStep: 2,
} as const;
