import { open, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { publish, tempPath } from './atomic-files';
import { RenderError } from './render-error';
import { stillImageArgs, type FontFiles } from './ffmpeg-filters';
import { runFfmpegWithRetry, type FfmpegRetry } from './ffmpeg-runner';
import type { Scene } from './scene';

export interface StillRequest {
  ffmpeg: string;
  scene: Scene;
  fonts: FontFiles;
  dir: string;
  fileName: string;
  runId: string;
  signal: AbortSignal;
  purpose: string;
  /** How transient FFmpeg failures are waited out; real waits when not given. */
  retry?: FfmpegRetry;
}

/** Draws a scene into `dir/fileName` (PNG or JPEG by extension), published atomically. */
export async function renderStill(request: StillRequest): Promise<void> {
  const temp = tempPath(request.dir, request.fileName, request.runId);
  const format = /\.jpe?g$/i.test(request.fileName) ? 'jpeg' : 'png';
  await runFfmpegWithRetry(
    request.ffmpeg,
    {
      purpose: request.purpose,
      signal: request.signal,
      args: stillImageArgs(request.scene, request.fonts, temp, format),
      partialFiles: [temp],
    },
    request.retry,
  );
  await assertImageComplete(temp, format, request.purpose);
  await publish(temp, request.dir, request.fileName);
}

const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
/** Below this much free space a cut-off image is put down to a full disk. */
const LOW_SPACE_BYTES = 16 * 1024 * 1024;

/**
 * FFmpeg's image writer (4.x) ignores write errors and exits 0 with a cut-off file when the disk
 * fills up, so every still is checked for its end marker before it is published.
 */
async function assertImageComplete(file: string, format: 'png' | 'jpeg', purpose: string): Promise<void> {
  const end = format === 'png' ? PNG_END : JPEG_END;
  let complete: boolean;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const tail = Buffer.alloc(end.length);
      if (size >= end.length) await handle.read(tail, 0, end.length, size - end.length);
      complete = tail.equals(end);
    } finally {
      await handle.close();
    }
  } catch {
    complete = false;
  }
  if (complete) return;
  const space = await statfs(dirname(file)).catch(() => null);
  if (space && space.bavail * space.bsize < LOW_SPACE_BYTES) {
    throw new RenderError('disk_full', `The disk is full: the image written while ${purpose} is incomplete.`);
  }
  throw new RenderError(
    'ffmpeg_failed',
    `FFmpeg reported success while ${purpose} but the image it wrote is incomplete.`,
  );
}
