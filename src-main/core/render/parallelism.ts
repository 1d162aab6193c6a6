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
 * job per core, each FFmpeg on one thread, so jobs side by side never fight over a core.
 */
export function renderParallelismFor(cores: number): RenderParallelism {
  const usable = Math.max(1, Math.floor(cores));
  return { jobs: Math.min(MAX_JOBS, usable), threadsPerFfmpeg: 1 };
}

/** This machine's answer, read once at start-up. */
export const renderParallelism: RenderParallelism = renderParallelismFor(availableParallelism());
