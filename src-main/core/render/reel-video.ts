import { rm } from 'node:fs/promises';
import { publish, tempPath } from './atomic-files';
import { videoDefaults } from './defaults';
import { runFfmpegWithRetry, type FfmpegRetry } from './ffmpeg-runner';
import { renderParallelism } from './parallelism';
import { fullReelArgs, stillReelArgs, stillSegmentArgs, type ReelMusic } from './reel-video-args';

/**
 * How a reel's picture is made. `still`: one frame held for the whole reel, so one short segment
 * is encoded and repeated by stream copy. `full`: every frame is encoded, for a reel that moves.
 * The render plan says which; nothing guesses it from the picture.
 */
export type ReelMotion = 'still' | 'full';

export interface ReelVideoRequest {
  ffmpeg: string;
  motion: ReelMotion;
  frameFile: string;
  music: ReelMusic;
  durationSeconds: number;
  dir: string;
  fileName: string;
  runId: string;
  signal: AbortSignal;
  retry?: FfmpegRetry;
  /** Threads per FFmpeg; the machine's default when not given. */
  threads?: number;
  /** Share of the video done, 0–1. */
  onFraction?: (fraction: number) => void;
}

type Run = (
  purpose: string,
  args: string[],
  partialFile: string,
  onSeconds: (s: number) => void,
) => Promise<void>;

/**
 * Writes the reel's video to `dir/fileName`, published atomically. Every file it writes on the
 * way is a temp file beside the result, removed before it returns or throws (a cancel included).
 */
export async function renderReelVideo(request: ReelVideoRequest): Promise<void> {
  const output = tempPath(request.dir, request.fileName, request.runId);
  const run: Run = (purpose, args, partialFile, onSeconds) =>
    runFfmpegWithRetry(
      request.ffmpeg,
      { purpose, args, signal: request.signal, onProgress: onSeconds, partialFiles: [partialFile] },
      request.retry,
    );
  try {
    if (request.motion === 'full') await encodeFull(request, output, run);
    else await encodeStill(request, output, run);
  } catch (error) {
    await rm(output, { force: true });
    throw error;
  }
  await publish(output, request.dir, request.fileName);
}

function encodeFull(request: ReelVideoRequest, output: string, run: Run): Promise<void> {
  const d = request.durationSeconds;
  return run(
    'encoding the video',
    fullReelArgs({
      frameFile: request.frameFile,
      music: request.music,
      durationSeconds: d,
      threads: request.threads ?? renderParallelism.threadsPerFfmpeg,
      outputFile: output,
    }),
    output,
    (seconds) => request.onFraction?.(seconds / d),
  );
}

/** The segment first (most of the work), then the reel copied from it with the music added. */
async function encodeStill(request: ReelVideoRequest, output: string, run: Run): Promise<void> {
  const d = request.durationSeconds;
  const { segmentSeconds, segmentProgressShare: share } = videoDefaults.still;
  const segment = tempPath(request.dir, `segment-${request.fileName}`, request.runId);
  try {
    await run(
      'encoding the video',
      stillSegmentArgs({
        frameFile: request.frameFile,
        threads: request.threads ?? renderParallelism.threadsPerFfmpeg,
        outputFile: segment,
      }),
      segment,
      (seconds) => request.onFraction?.((share * seconds) / segmentSeconds),
    );
    await run(
      'adding the music to the video',
      stillReelArgs({ segmentFile: segment, music: request.music, durationSeconds: d, outputFile: output }),
      output,
      (seconds) => request.onFraction?.(share + ((1 - share) * seconds) / d),
    );
  } finally {
    await rm(segment, { force: true });
  }
}
