import { join } from 'node:path';
import type { ImageProvider } from '../ports/images';
import { mixColor } from './colors';
import { pngStillArgs } from './ffmpeg-filters';
import { runFfmpegWithRetry, type FfmpegRetry } from './ffmpeg-runner';
import { publish, tempPath, writeAtomically } from './atomic-files';
import { RenderError } from './render-error';
import type { Background } from './scene';

export const BACKGROUND_FILE = 'background.png';

/** The brand's own generated background: its primary colour, deepening downwards. */
export function brandGradient(primary: string): Background {
  return {
    kind: 'gradient',
    top: mixColor(primary, '#000000', 0.45),
    bottom: mixColor(primary, '#000000', 0.8),
  };
}

export interface BackgroundRequest {
  ffmpeg: string;
  provider: ImageProvider;
  prompt: string | null;
  seed: number;
  width: number;
  height: number;
  dir: string;
  runId: string;
  signal: AbortSignal;
  /** How transient FFmpeg failures are waited out; real waits when not given. */
  retry?: FfmpegRetry;
}

export interface PreparedBackground {
  /** File name inside the job folder, or null for the brand gradient. */
  file: string | null;
  source: string;
}

/**
 * Asks the image provider for a background and stores it cropped to the canvas as PNG. No
 * provider, no prompt or a failing service give the brand gradient instead (said in `source`);
 * an image that arrives but cannot be decoded fails the step, since something is wrong with
 * the service's answer and the user should know.
 */
export async function prepareBackground(request: BackgroundRequest): Promise<PreparedBackground> {
  const { provider, prompt } = request;
  if (!prompt) return { file: null, source: 'generated gradient (no image prompt)' };
  let bytes: Uint8Array | null;
  try {
    bytes = await provider.generate(
      { prompt, width: request.width, height: request.height, seed: request.seed },
      request.signal,
    );
  } catch (error) {
    if (request.signal.aborted)
      throw new RenderError('cancelled', 'Cancelled while fetching the background.');
    return {
      file: null,
      source: `generated gradient (${provider.name} failed: ${(error as Error).message})`,
    };
  }
  if (!bytes) return { file: null, source: provider.name };
  const sourceName = 'background-source.img';
  await writeAtomically(request.dir, sourceName, request.runId, bytes);
  const temp = tempPath(request.dir, BACKGROUND_FILE, request.runId);
  try {
    await runFfmpegWithRetry(
      request.ffmpeg,
      {
        purpose: 'reading the background image',
        signal: request.signal,
        partialFiles: [temp],
        args: [
          '-i',
          join(request.dir, sourceName),
          '-vf',
          `scale=${request.width}:${request.height}:force_original_aspect_ratio=increase:flags=lanczos,crop=${request.width}:${request.height},setsar=1`,
          '-frames:v',
          '1',
          ...pngStillArgs,
          temp,
        ],
      },
      request.retry,
    );
  } catch (error) {
    if (error instanceof RenderError && error.kind !== 'cancelled' && error.kind !== 'disk_full') {
      throw new RenderError(
        'unreadable_input',
        `The background image from ${provider.name} could not be read: ${error.message}`,
        error.details,
      );
    }
    throw error;
  }
  await publish(temp, request.dir, BACKGROUND_FILE);
  return { file: BACKGROUND_FILE, source: provider.name };
}
