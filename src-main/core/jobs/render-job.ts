import { join } from 'node:path';
import { buildCaptions } from '../captions/captions';
import type { CtaType } from '../captions/defaults';
import type { Brand } from '../contract/brands';
import type { ImageProvider } from '../ports/images';
import { brandGradient, prepareBackground } from '../render/background';
import { layoutCover, layoutTextSlide } from '../render/carousel-layout';
import { postCanvas, reelCanvas } from '../render/defaults';
import type { FfmpegRetry, FfmpegRetryNotice, Sleep } from '../render/ffmpeg-runner';
import { loadFont, type FontMetrics } from '../render/fonts';
import { assertTrackPresent, chooseMusic, loadMusicLibrary, musicGainDb } from '../render/music';
import { reelContentLines } from '../render/reel-content';
import { layoutReelImage, layoutThumbnail } from '../render/reel-layout';
import { renderReelVideo, type ReelMotion } from '../render/reel-video';
import { RenderError } from '../render/render-error';
import type { RenderResources } from '../render/resources';
import type { Background, LayoutFonts } from '../render/scene';
import { renderStill } from '../render/still';
import type { BrandOutput, JobRow, RenderPlan } from './job-record';
import type { StepName } from './job-steps';

export interface RenderDeps {
  ffmpeg: string;
  resources: RenderResources;
  images: ImageProvider;
  /** Waits before retrying a transient FFmpeg failure (tests record them instead). */
  sleep: Sleep;
}

export interface StepContext {
  row: JobRow;
  brand: Brand;
  plan: RenderPlan;
  output: BrandOutput;
  /** Absolute folder of this job's files, and the same relative to the media folder. */
  dir: string;
  relativeDir: string;
  runId: string;
  signal: AbortSignal;
  onFraction(fraction: number): void;
  /** An FFmpeg run of this step failed transiently and is about to be tried again. */
  onRetry(notice: FfmpegRetryNotice): Promise<void>;
}

const files = {
  reelImage: 'reel.png',
  // JPEG: Instagram takes a reel's cover (cover_url) only as a JPEG, and it is the video's poster too.
  thumbnail: 'thumbnail.jpg',
  video: 'video.mp4',
  youtubeThumbnail: 'youtube-thumbnail.jpg',
  slide: (n: number) => `slide-${String(n).padStart(2, '0')}.jpg`,
};

async function loadFonts(
  resources: RenderResources,
): Promise<{ layout: LayoutFonts; title: FontMetrics; body: FontMetrics }> {
  const [title, body] = await Promise.all([loadFont(resources.fonts.title), loadFont(resources.fonts.body)]);
  return { layout: { title, body }, title, body };
}

function backgroundOf(ctx: StepContext): Background {
  return ctx.output.backgroundFile
    ? { kind: 'image', file: join(ctx.dir, ctx.output.backgroundFile), overlayAlpha: 0 }
    : brandGradient(ctx.brand.colors.primary);
}

function brandLook(brand: Brand) {
  return { displayName: brand.displayName, shortName: brand.shortName, colors: brand.colors };
}

/**
 * Whether the reel moves, as its plan says. Every reel the app makes today is one still frame
 * over music; plans written before the field existed have none and are stills too.
 */
function motionOf(plan: RenderPlan): ReelMotion {
  return plan.motion ?? 'still';
}

function contentLines(row: JobRow): string[] {
  return JSON.parse(row.content_lines) as string[];
}

/**
 * Runs one step of a job and returns the job's output with that step's files added. Every file
 * is written under a temporary name and renamed when complete, so running a step twice (after a
 * crash between the rename and the checkpoint) just redoes it.
 */
export async function runRenderStep(
  step: StepName,
  ctx: StepContext,
  deps: RenderDeps,
): Promise<BrandOutput> {
  const { row, brand, plan, signal, dir, runId } = ctx;
  const rel = (name: string) => `${ctx.relativeDir}/${name}`;
  const output: BrandOutput = {
    ...ctx.output,
    files: { ...ctx.output.files, slides: [...ctx.output.files.slides] },
  };
  const variant = row.variant;
  const fontFiles = deps.resources.fonts;
  // Every FFmpeg run of every step goes through the same retry of transient failures.
  const retry: FfmpegRetry = { sleep: deps.sleep, onRetry: ctx.onRetry };

  switch (step) {
    case 'background': {
      const canvas = variant === 'post' ? postCanvas : reelCanvas;
      const prepared = await prepareBackground({
        ffmpeg: deps.ffmpeg,
        provider: deps.images,
        prompt: row.ai_prompt,
        seed: plan.seed,
        width: canvas.width,
        height: canvas.height,
        dir,
        runId,
        signal,
        retry,
      });
      output.backgroundFile = prepared.file;
      output.background = prepared.source;
      return output;
    }
    case 'reel-image': {
      const fonts = await loadFonts(deps.resources);
      const lines = reelContentLines(contentLines(row), plan.ctaLine ?? null)
        .map((l) => fonts.body.printable(l))
        .filter(Boolean);
      const layout = layoutReelImage({
        variant: variant === 'light' ? 'light' : 'dark',
        title: fonts.title.printable(row.title),
        lines,
        brand: brandLook(brand),
        darkBackground: backgroundOf(ctx),
        fonts: fonts.layout,
      });
      if (layout.overflow) {
        throw new RenderError(
          'content_too_long',
          `The reel's ${lines.length} lines do not fit above the platform buttons even at ${layout.contentSize} px. Shorten the lines or split the reel.`,
        );
      }
      await renderStill({
        ffmpeg: deps.ffmpeg,
        scene: layout.scene,
        fonts: fontFiles,
        dir,
        fileName: files.reelImage,
        runId,
        signal,
        retry,
        purpose: 'drawing the reel image',
      });
      output.files.reelImage = rel(files.reelImage);
      return output;
    }
    case 'thumbnail': {
      const fonts = await loadFonts(deps.resources);
      const scene = layoutThumbnail({
        variant: variant === 'light' ? 'light' : 'dark',
        title: fonts.title.printable(row.title),
        brand: brandLook(brand),
        darkBackground: backgroundOf(ctx),
        fonts: fonts.layout,
      });
      await renderStill({
        ffmpeg: deps.ffmpeg,
        scene,
        fonts: fontFiles,
        dir,
        fileName: files.thumbnail,
        runId,
        signal,
        retry,
        purpose: 'drawing the thumbnail',
      });
      output.files.thumbnail = rel(files.thumbnail);
      return output;
    }
    case 'video': {
      const tracks = await loadMusicLibrary(deps.resources.musicDir);
      const duration = plan.durationSeconds ?? 7;
      const choice = chooseMusic(
        tracks.map((t) => t.durationSeconds),
        duration,
        plan.musicPick ?? 0,
        plan.musicStart ?? 0,
      );
      const track = tracks[choice.trackIndex]!;
      await assertTrackPresent(track);
      await renderReelVideo({
        ffmpeg: deps.ffmpeg,
        motion: motionOf(plan),
        frameFile: join(dir, files.reelImage),
        music: { file: track.file, offsetSeconds: choice.offsetSeconds, gainDb: musicGainDb(track) },
        durationSeconds: duration,
        dir,
        fileName: files.video,
        runId,
        signal,
        retry,
        onFraction: ctx.onFraction,
      });
      output.files.video = rel(files.video);
      output.musicTitle = track.title;
      return output;
    }
    case 'youtube-thumbnail': {
      const background = backgroundOf(ctx);
      await renderStill({
        ffmpeg: deps.ffmpeg,
        scene: { ...reelCanvas, background, fades: [], boxes: [], texts: [] },
        fonts: fontFiles,
        dir,
        fileName: files.youtubeThumbnail,
        runId,
        signal,
        retry,
        purpose: 'saving the YouTube thumbnail',
      });
      output.files.youtubeThumbnail = rel(files.youtubeThumbnail);
      return output;
    }
    case 'cover': {
      const fonts = await loadFonts(deps.resources);
      const scene = layoutCover({
        title: fonts.title.printable(row.title),
        brand: brandLook(brand),
        background: backgroundOf(ctx),
        fonts: fonts.layout,
      });
      await renderStill({
        ffmpeg: deps.ffmpeg,
        scene,
        fonts: fontFiles,
        dir,
        fileName: files.slide(1),
        runId,
        signal,
        retry,
        purpose: 'drawing the cover slide',
      });
      output.files.slides = [
        rel(files.slide(1)),
        ...output.files.slides.filter((s) => s !== rel(files.slide(1))),
      ];
      return output;
    }
    case 'slides': {
      const fonts = await loadFonts(deps.resources);
      const texts = contentLines(row);
      const names: string[] = [];
      for (const [i, text] of texts.entries()) {
        const page = i + 2;
        const slide = layoutTextSlide({
          text: text
            .split('\n')
            .map((p) => fonts.body.printable(p))
            .join('\n'),
          page,
          pageCount: texts.length + 1,
          brand: brandLook(brand),
          fonts: fonts.layout,
        });
        if (slide.overflow) {
          throw new RenderError(
            'content_too_long',
            `Slide ${page} has more text than fits on a slide; shorten it.`,
          );
        }
        await renderStill({
          ffmpeg: deps.ffmpeg,
          scene: slide.scene,
          fonts: fontFiles,
          dir,
          fileName: files.slide(page),
          runId,
          signal,
          retry,
          purpose: `drawing slide ${page}`,
        });
        names.push(rel(files.slide(page)));
        ctx.onFraction((i + 1) / texts.length);
      }
      output.files.slides = [rel(files.slide(1)), ...names];
      return output;
    }
    case 'captions': {
      output.captions = buildCaptions({
        caption: row.caption,
        title: row.title,
        contentLines: contentLines(row),
        hashtags: JSON.parse(row.hashtags) as string[],
        ctaType: (row.cta_type as CtaType | null) ?? 'follow_tips',
        brand: { displayName: brand.displayName, instagramHandle: brand.instagramHandle },
      });
      return output;
    }
  }
}
