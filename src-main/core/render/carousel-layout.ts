import { coverLayout, postCanvas, slideLayout } from './defaults';
import type { Background, BrandLook, LayoutFonts, Scene, TextRun } from './scene';
import { balanceLines, wrapWords } from './text-layout';

export interface CoverInput {
  title: string;
  brand: BrandLook;
  background: Background;
  fonts: LayoutFonts;
}

/** Sizes to try, largest first, with how many balanced lines (behaviour 6.10 "Post cover slide"). */
function coverAttempts(): Array<{ lines: number; size: number }> {
  const attempts: Array<{ lines: number; size: number }> = [];
  const l = coverLayout;
  for (let s = l.threeLineSizes.start; s >= l.threeLineSizes.min; s -= l.sizeStep)
    attempts.push({ lines: 3, size: s });
  for (let s = l.twoLineSizes.start; s >= l.twoLineSizes.min; s -= l.sizeStep)
    attempts.push({ lines: 2, size: s });
  return attempts;
}

/** Title lines and size for the cover: balanced lines at the largest size whose lines all fit. */
export function fitCoverTitle(title: string, fonts: LayoutFonts): { size: number; lines: string[] } {
  const text = title.toUpperCase();
  const maxWidth = postCanvas.width - 2 * coverLayout.paddingX;
  const fits = (lines: string[], size: number) =>
    lines.every((line) => fonts.title.measure(line, size) <= maxWidth);
  for (const attempt of coverAttempts()) {
    const lines = balanceLines(text, attempt.lines);
    if (lines.length === attempt.lines && fits(lines, attempt.size)) return { size: attempt.size, lines };
  }
  const min = coverLayout.twoLineSizes.min;
  return { size: min, lines: wrapWords(text, min, maxWidth, (s, px) => fonts.title.measure(s, px)) };
}

/**
 * The carousel's first slide: the photo (or brand gradient) darkening towards the bottom, the
 * brand's short name between two rules, the title in white, and "SWIPE" — laid out bottom-up.
 */
export function layoutCover(input: CoverInput): Scene {
  const { fonts, brand } = input;
  const l = coverLayout;
  const { width, height } = postCanvas;
  const title = fitCoverTitle(input.title, fonts);
  const texts: TextRun[] = [];
  const center = width / 2;

  const swipeWidth = fonts.body.measure(l.swipe.text, l.swipe.size);
  const swipeBaseline = height - l.swipe.bottomGap;
  texts.push({
    text: l.swipe.text,
    x: Math.round(center - swipeWidth / 2),
    baseline: swipeBaseline,
    size: l.swipe.size,
    font: 'body',
    color: '#ffffff',
  });

  const lineHeight = Math.round(title.size * l.lineHeightFactor);
  const cap = fonts.title.capHeight(title.size);
  const lastBaseline = swipeBaseline - fonts.body.capHeight(l.swipe.size) - l.titleGapAboveSwipe;
  const firstBaseline = lastBaseline - (title.lines.length - 1) * lineHeight;
  let titleWidth = 0;
  title.lines.forEach((line, i) => {
    const w = fonts.title.measure(line, title.size);
    titleWidth = Math.max(titleWidth, w);
    texts.push({
      text: line,
      x: Math.round(center - w / 2),
      baseline: Math.round(firstBaseline + i * lineHeight),
      size: title.size,
      font: 'title',
      color: '#ffffff',
    });
  });

  const bar = l.brandBar;
  const name = brand.shortName.toUpperCase();
  const nameWidth = fonts.body.measure(name, bar.size);
  const barCenterY = Math.round(firstBaseline - cap - bar.gapAboveTitle - fonts.body.capHeight(bar.size) / 2);
  texts.push({
    text: name,
    x: Math.round(center - nameWidth / 2),
    baseline: Math.round(barCenterY + fonts.body.capHeight(bar.size) / 2),
    size: bar.size,
    font: 'body',
    color: '#ffffff',
  });
  const gap = Math.max(bar.gap, nameWidth + 24);
  const ruleWidth = Math.max(0, Math.round(titleWidth / 2 - gap / 2));
  const boxes =
    ruleWidth > 0
      ? [
          {
            x: Math.round(center - gap / 2 - ruleWidth),
            y: barCenterY - 1,
            width: ruleWidth,
            height: bar.lineThickness,
            color: '#ffffff',
          },
          {
            x: Math.round(center + gap / 2),
            y: barCenterY - 1,
            width: ruleWidth,
            height: bar.lineThickness,
            color: '#ffffff',
          },
        ]
      : [];

  const fadeTop = Math.round(height * l.gradientStart);
  return {
    width,
    height,
    background:
      input.background.kind === 'image' ? { ...input.background, overlayAlpha: 0 } : input.background,
    fades: [
      {
        top: fadeTop,
        height: height - fadeTop,
        midAt: l.gradientMidAt,
        midAlpha: l.gradientMidAlpha,
        endAlpha: l.gradientEndAlpha,
      },
    ],
    boxes,
    texts,
  };
}

export interface TextSlideInput {
  text: string;
  /** 1-based position among all slides, cover included. */
  page: number;
  pageCount: number;
  brand: BrandLook;
  fonts: LayoutFonts;
}

/**
 * A text slide: brand header, the slide's text as large as fits between the header and the page
 * number, paragraphs kept where the writer put them.
 */
export function layoutTextSlide(input: TextSlideInput): { scene: Scene; overflow: boolean } {
  const { fonts, brand } = input;
  const l = slideLayout;
  const { width, height } = postCanvas;
  const maxWidth = width - 2 * l.paddingX;
  const paragraphs = input.text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const measure = (s: string, px: number) => fonts.body.measure(s, px);

  let runs: TextRun[] = [];
  let overflow = true;
  for (let size = l.startSize; size >= l.minSize; size -= l.step) {
    const lineHeight = Math.round(size * l.lineHeightFactor);
    const wrapped = paragraphs.map((p) => wrapWords(p, size, maxWidth, measure));
    const lineCount = wrapped.reduce((n, w) => n + w.length, 0);
    const blockHeight =
      lineCount * lineHeight + (wrapped.length - 1) * Math.round(size * l.paragraphGapFactor);
    const available = l.bottom - l.top;
    runs = [];
    let y = l.top + Math.max(0, Math.round((available - blockHeight) / 2));
    for (const lines of wrapped) {
      for (const line of lines) {
        runs.push({
          text: line,
          x: l.paddingX,
          baseline: Math.round(y + fonts.body.capHeight(size)),
          size,
          font: 'body',
          color: l.textColor,
        });
        y += lineHeight;
      }
      y += Math.round(size * l.paragraphGapFactor);
    }
    if (blockHeight <= available) {
      overflow = false;
      break;
    }
  }

  const header = brand.shortName.toUpperCase();
  const headerWidth = fonts.title.measure(header, l.headerTextSize);
  const pageText = `${input.page} / ${input.pageCount}`;
  const pageWidth = fonts.body.measure(pageText, l.pageSize);
  return {
    scene: {
      width,
      height,
      background: { kind: 'solid', color: l.background },
      fades: [],
      // The dark title pair is the brand's own readable colour combination; a light primary
      // colour under white text would not be.
      boxes: [{ x: 0, y: 0, width, height: l.headerHeight, color: brand.colors.darkTitleBar }],
      texts: [
        {
          text: header,
          x: Math.round((width - headerWidth) / 2),
          baseline: Math.round((l.headerHeight + fonts.title.capHeight(l.headerTextSize)) / 2),
          size: l.headerTextSize,
          font: 'title',
          color: brand.colors.darkTitleText,
        },
        ...runs,
        {
          text: pageText,
          x: width - l.paddingX - pageWidth,
          baseline: height - l.pageBottomGap,
          size: l.pageSize,
          font: 'body',
          color: brand.colors.primary,
        },
      ],
    },
    overflow,
  };
}
