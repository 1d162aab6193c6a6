import { availableParallelism } from 'node:os';

export interface RenderParallelism {
  /** Jobs the render queue runs at once (the renderConcurrency setting's default). */
  jobs: number;
  /** Threads each FFmpeg may use for encoding (x264's `-threads`). */
  threadsPerFfmpeg: number;
}

/** The settings contract allows 1–8 jobs at once. */
const MAX_JOBS = 8;

/**
 * How many renders run at once and how wide each FFmpeg is, from the machine's core count: one
 * job more than there are cores, each FFmpeg on one thread, and cores left over once the jobs
 * are capped shared out as threads. A render is a chain of short FFmpeg runs, single-threaded
 * (drawing, PNG, JPEG) or gaining little from threads (a 30-frame segment), with the app's own
 * work between them; the extra job keeps every core fed during those gaps. Measured in
 * jobs/defaults.ts.
 */
export function renderParallelismFor(cores: number): RenderParallelism {
  const usable = Math.max(1, Math.floor(cores));
  const jobs = Math.min(MAX_JOBS, usable + 1);
  return { jobs, threadsPerFfmpeg: Math.max(1, Math.floor(usable / jobs)) };
}

/** This machine's answer, read once at start-up. */
export const renderParallelism: RenderParallelism = renderParallelismFor(availableParallelism());
