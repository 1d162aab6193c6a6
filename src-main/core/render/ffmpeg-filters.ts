import { ffmpegColor } from './colors';
import { videoDefaults } from './defaults';
import type { Background, Fade, Scene } from './scene';

/**
 * FFmpeg reads an option value twice: once as part of the filtergraph (where \ ' [ ] , ; are
 * special) and once as the filter's own key=value list (where \ ' : are). Escaping for both, in
 * that order, lets any text or path through unchanged (see FFmpeg's "filtergraph escaping").
 */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

export interface FontFiles {
  title: string;
  body: string;
}

export interface StillCommand {
  /** Input arguments (`-i file` for a photo background), before the filtergraph. */
  inputs: string[];
  filterComplex: string;
  /** The label of the finished frame in `filterComplex`. */
  output: string;
}

function backgroundChain(background: Background, width: number, height: number, inputIndex: number): string {
  switch (background.kind) {
    case 'solid':
      return `color=c=${ffmpegColor(background.color)}:s=${width}x${height}:d=1,format=yuv444p`;
    case 'gradient': {
      // Computed on a 2×64 strip and stretched: the same smooth blend for a fraction of the work.
      const channel = (i: number) => {
        const a = parseInt(background.top.slice(1 + 2 * i, 3 + 2 * i), 16);
        const b = parseInt(background.bottom.slice(1 + 2 * i, 3 + 2 * i), 16);
        return `${a}+(${b - a})*Y/(H-1)`;
      };
      return (
        `color=c=black:s=2x64:d=1,format=gbrp,geq=r='${channel(0)}':g='${channel(1)}':b='${channel(2)}',` +
        `scale=${width}:${height}:flags=bicubic,format=yuv444p`
      );
    }
    case 'image': {
      const chain = [
        `[${inputIndex}:v]scale=${width}:${height}:force_original_aspect_ratio=increase:flags=lanczos`,
        `crop=${width}:${height}`,
        'setsar=1',
        'format=yuv444p',
      ];
      if (background.overlayAlpha > 0)
        chain.push(
          `drawbox=x=0:y=0:w=iw:h=ih:color=${ffmpegColor('#000000', background.overlayAlpha)}:t=fill`,
        );
      return chain.join(',');
    }
  }
}

function fadeSource(fade: Fade, width: number): string {
  const h = fade.height;
  const mid = Math.max(1, Math.round(h * fade.midAt));
  const alpha = `if(lt(Y\\,${mid})\\,${fade.midAlpha}*Y/${mid}\\,${fade.midAlpha}+(${fade.endAlpha - fade.midAlpha})*(Y-${mid})/${Math.max(1, h - mid)})`;
  return `color=c=black:s=1x${h}:d=1,format=rgba,geq=r=0:g=0:b=0:a='${alpha}',scale=${width}:${h}:flags=bilinear`;
}

/**
 * Turns a scene into one FFmpeg filtergraph producing a single frame. Text is drawn by drawtext
 * with the same font files the layout measured (hinting off, see fonts.ts), positioned by
 * baseline (`y = baseline − ascent`), so what the layout decided is what appears.
 */
export function stillFilterGraph(scene: Scene, fonts: FontFiles, backgroundFile?: string): StillCommand {
  const inputs: string[] = [];
  if (scene.background.kind === 'image') {
    inputs.push('-i', backgroundFile ?? scene.background.file);
  }
  const parts: string[] = [];
  let label = 'bg';
  parts.push(`${backgroundChain(scene.background, scene.width, scene.height, 0)}[${label}]`);
  scene.fades.forEach((fade, i) => {
    parts.push(`${fadeSource(fade, scene.width)}[fade${i}]`);
    parts.push(`[${label}][fade${i}]overlay=x=0:y=${fade.top}:format=yuv444[faded${i}]`);
    label = `faded${i}`;
  });
  const draws: string[] = [];
  for (const box of scene.boxes) {
    draws.push(
      `drawbox=x=${Math.round(box.x)}:y=${Math.round(box.y)}:w=${Math.round(box.width)}:h=${Math.round(box.height)}:color=${ffmpegColor(box.color)}:t=fill`,
    );
  }
  for (const run of scene.texts) {
    if (!run.text) continue;
    draws.push(
      [
        `drawtext=fontfile=${escapeFilterValue(run.font === 'title' ? fonts.title : fonts.body)}`,
        `text=${escapeFilterValue(run.text)}`,
        'expansion=none',
        'ft_load_flags=no_hinting',
        `fontsize=${run.size}`,
        `fontcolor=${ffmpegColor(run.color)}`,
        `x=${Math.round(run.x)}`,
        `y=${Math.round(run.baseline)}-ascent`,
      ].join(':'),
    );
  }
  const chain = draws.length > 0 ? `,${draws.join(',')}` : '';
  parts.push(`[${label}]null${chain}[out]`);
  return { inputs, filterComplex: parts.join(';'), output: 'out' };
}

/** Encoder arguments for one lossless RGB PNG still (every still and background is written so). */
export const pngStillArgs: readonly string[] = [
  '-c:v',
  'png',
  '-compression_level',
  String(videoDefaults.pngCompression),
  '-pix_fmt',
  'rgb24',
  '-f',
  'image2',
];

/** Arguments writing a scene to one image file (PNG or JPEG by the file's extension). */
export function stillImageArgs(
  scene: Scene,
  fonts: FontFiles,
  outputFile: string,
  format: 'png' | 'jpeg',
): string[] {
  const command = stillFilterGraph(scene, fonts);
  const codec =
    format === 'png'
      ? pngStillArgs
      : [
          '-c:v',
          'mjpeg',
          '-q:v',
          String(videoDefaults.youtubeThumbnailQuality),
          '-pix_fmt',
          'yuvj444p',
          '-f',
          'image2',
        ];
  return [
    ...command.inputs,
    '-filter_complex',
    command.filterComplex,
    '-map',
    `[${command.output}]`,
    '-frames:v',
    '1',
    ...codec,
    outputFile,
  ];
}
