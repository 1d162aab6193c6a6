import { reelCanvas, reelLayout, thumbnailLayout } from './defaults';
import type { Background, BrandLook, LayoutFonts, Scene, TextRun } from './scene';
import { fitText, wrapWords } from './text-layout';

export interface ReelLayoutInput {
  variant: 'light' | 'dark';
  title: string;
  /** Already numbered, CTA included (reel-content.ts). */
  lines: readonly string[];
  brand: BrandLook;
  /** For dark reels: the photo (darkened here) or a generated gradient. Light reels are plain. */
  darkBackground: Background;
  fonts: LayoutFonts;
}

export interface ReelImageLayout {
  scene: Scene;
  titleSize: number;
  contentSize: number;
  /** True when the content does not fit above the platform buttons even at the smallest size. */
  overflow: boolean;
}

function centeredX(width: number, canvasWidth: number): number {
  return Math.round((canvasWidth - width) / 2);
}

function reelBackground(input: ReelLayoutInput, photoOverlay: number): Background {
  if (input.variant === 'light') return { kind: 'solid', color: reelLayout.lightBackground };
  const bg = input.darkBackground;
  return bg.kind === 'image' ? { ...bg, overlayAlpha: photoOverlay } : bg;
}

/**
 * The reel's one still frame (behaviour 6.10 "Reel image"): the title on stepped colour bars
 * from y = 280, the numbered content below it, shrinking until it ends above y = 1640, and the
 * brand name small at the bottom. Colours come from the brand record, never from a table.
 */
export function layoutReelImage(input: ReelLayoutInput): ReelImageLayout {
  const { fonts, brand, variant } = input;
  const t = reelLayout.title;
  const c = reelLayout.content;
  const { width, height } = reelCanvas;
  const dark = variant === 'dark';

  const title = fitText({
    text: input.title.toUpperCase(),
    maxWidth: t.maxWidth,
    maxLines: t.maxLines,
    startSize: t.startSize,
    minSize: t.minSize,
    step: t.step,
    measure: (s, size) => fonts.title.measure(s, size),
  });
  const boxes: Scene['boxes'] = [];
  const texts: TextRun[] = [];
  const barColor = dark ? brand.colors.darkTitleBar : brand.colors.lightTitleBar;
  const titleColor = dark ? brand.colors.darkTitleText : brand.colors.lightTitleText;
  const capHeight = fonts.title.capHeight(title.size);
  title.lines.forEach((line, i) => {
    const lineWidth = fonts.title.measure(line, title.size);
    const barWidth = lineWidth + 2 * t.barPaddingX;
    const top = t.top + i * t.barHeight;
    boxes.push({
      x: centeredX(barWidth, width),
      y: top,
      width: barWidth,
      height: t.barHeight,
      color: barColor,
    });
    texts.push({
      text: line,
      x: centeredX(lineWidth, width),
      baseline: Math.round(top + (t.barHeight + capHeight) / 2),
      size: title.size,
      font: 'title',
      color: titleColor,
    });
  });

  const contentTop = t.top + title.lines.length * t.barHeight + c.gapBelowTitle;
  const textColor = dark ? '#ffffff' : '#000000';
  let chosen: { size: number; runs: TextRun[] } | undefined;
  let lastTried: { size: number; runs: TextRun[] } = { size: c.minSize, runs: [] };
  for (let size = c.startSize; size >= c.minSize; size -= c.step) {
    const lineHeight = fonts.body.capHeight(size) * c.lineHeightFactor;
    const runs: TextRun[] = [];
    let y = contentTop;
    for (const item of input.lines) {
      for (const line of wrapWords(item, size, c.maxWidth, (s, px) => fonts.body.measure(s, px))) {
        runs.push({
          text: line,
          x: c.left,
          baseline: Math.round(y + fonts.body.capHeight(size)),
          size,
          font: 'body',
          color: textColor,
        });
        y += lineHeight;
      }
      y += c.itemGapFactor * size;
    }
    lastTried = { size, runs };
    // The gap after the last item is spacing, not ink: it may reach past the limit.
    if (y - c.itemGapFactor * size <= c.bottomLimit) {
      chosen = { size, runs };
      break;
    }
  }
  const content = chosen ?? lastTried;
  texts.push(...content.runs);

  const brandName = brand.displayName.toUpperCase();
  const b = reelLayout.brandName;
  texts.push({
    text: brandName,
    x: centeredX(fonts.title.measure(brandName, b.size), width),
    baseline: height - b.bottomGap - Math.round(b.size * 0.25),
    size: b.size,
    font: 'title',
    color: dark ? '#ffffff' : brand.colors.primary,
  });

  return {
    scene: {
      width,
      height,
      background: reelBackground(input, reelLayout.darkPhotoOverlay),
      fades: [],
      boxes,
      texts,
    },
    titleSize: title.size,
    contentSize: content.size,
    overflow: chosen === undefined,
  };
}

/**
 * The reel's cover (behaviour 6.10 "Thumbnail"): the title alone, large, centred on the canvas,
 * with the brand name below it.
 */
export function layoutThumbnail(input: Omit<ReelLayoutInput, 'lines'>): Scene {
  const { fonts, brand, variant } = input;
  const l = thumbnailLayout;
  const { width, height } = reelCanvas;
  const dark = variant === 'dark';
  const title = fitText({
    text: input.title.toUpperCase(),
    maxWidth: l.maxWidth,
    maxLines: l.maxLines,
    startSize: l.startSize,
    minSize: l.minSize,
    step: l.step,
    measure: (s, size) => fonts.title.measure(s, size),
  });
  const cap = fonts.title.capHeight(title.size);
  const blockHeight = title.lines.length * cap + (title.lines.length - 1) * l.lineGap;
  const top = (height - blockHeight) / 2;
  const color = dark ? brand.colors.darkTitleText : brand.colors.primary;
  const texts: TextRun[] = title.lines.map((line, i) => ({
    text: line,
    x: centeredX(fonts.title.measure(line, title.size), width),
    baseline: Math.round(top + cap + i * (cap + l.lineGap)),
    size: title.size,
    font: 'title',
    color,
  }));
  const brandName = brand.displayName.toUpperCase();
  const lastBaseline = texts[texts.length - 1]?.baseline ?? height / 2;
  texts.push({
    text: brandName,
    x: centeredX(fonts.title.measure(brandName, l.brandSize), width),
    baseline: Math.round(Math.min(lastBaseline + l.brandGapBelowTitle, height - 2 * l.brandSize)),
    size: l.brandSize,
    font: 'title',
    color: dark ? '#ffffff' : brand.colors.primary,
  });
  return {
    width,
    height,
    background: reelBackground({ ...input, lines: [] }, l.darkPhotoOverlay),
    fades: [],
    boxes: [],
    texts,
  };
}
