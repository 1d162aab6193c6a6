import { execFileSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobQueueDeps } from '../../src-main/core/jobs/job-queue';
import { runRenderStep } from '../../src-main/core/jobs/render-job';

/**
 * Renders without pixels: each step copies a tiny real file (a 4-second 108×192 H.264 reel with
 * silent AAC, a JPEG) made once with FFmpeg, so the fake platforms can read durations and formats;
 * captions are built for real. The render queue, its checkpoints and the calendar's outbox around
 * the steps are the app's own.
 */
export function placeholderRenderer(ffmpeg: string, dir: string): NonNullable<JobQueueDeps['runStep']> {
  const video = join(dir, 'placeholder.mp4');
  const image = join(dir, 'placeholder.jpg');
  const png = join(dir, 'placeholder.png');
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  execFileSync(ffmpeg, [
    ...quiet,
    ...['-f', 'lavfi', '-i', 'color=c=0x224466:s=108x192:d=4:r=10'],
    ...['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo'],
    ...['-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', video],
  ]);
  execFileSync(ffmpeg, [
    ...quiet,
    '-f',
    'lavfi',
    '-i',
    'color=c=0x224466:s=108x135',
    '-frames:v',
    '1',
    image,
  ]);
  execFileSync(ffmpeg, [...quiet, '-f', 'lavfi', '-i', 'color=c=0x224466:s=108x192', '-frames:v', '1', png]);

  return async (step, ctx, deps) => {
    if (step === 'captions') return runRenderStep(step, ctx, deps);
    await mkdir(ctx.dir, { recursive: true });
    const output = { ...ctx.output, files: { ...ctx.output.files, slides: [...ctx.output.files.slides] } };
    const place = async (source: string, name: string) => {
      await copyFile(source, join(ctx.dir, name));
      return `${ctx.relativeDir}/${name}`;
    };
    switch (step) {
      case 'background':
        return output;
      case 'reel-image':
        output.files.reelImage = await place(png, 'reel.png');
        return output;
      case 'thumbnail':
        output.files.thumbnail = await place(image, 'thumbnail.jpg');
        return output;
      case 'video':
        output.files.video = await place(video, 'video.mp4');
        return output;
      case 'youtube-thumbnail':
        output.files.youtubeThumbnail = await place(image, 'youtube-thumbnail.jpg');
        return output;
      case 'cover':
        output.files.slides = [await place(image, 'slide-01.jpg'), ...output.files.slides.slice(1)];
        return output;
      case 'slides': {
        const lines = JSON.parse(ctx.row.content_lines) as string[];
        const slides = [await place(image, 'slide-01.jpg')];
        for (let page = 2; page <= lines.length + 1; page++)
          slides.push(await place(image, `slide-${String(page).padStart(2, '0')}.jpg`));
        output.files.slides = slides;
        return output;
      }
    }
  };
}
