/**
 * A still picture described as data: what the pure layout functions produce and the FFmpeg
 * filter builder draws. Keeping it plain data lets tests check positions without rendering.
 */
export type Background =
  | { kind: 'solid'; color: string }
  /** Top-to-bottom blend of two colours (the generated background when no image service is set). */
  | { kind: 'gradient'; top: string; bottom: string }
  /** A photo, cropped to fill, darkened by `overlayAlpha` of black. */
  | { kind: 'image'; file: string; overlayAlpha: number };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

/** Black fading in downwards: alpha 0 at `top`, `midAlpha` at `midAt` of the height, `endAlpha` at the bottom. */
export interface Fade {
  top: number;
  height: number;
  midAt: number;
  midAlpha: number;
  endAlpha: number;
}

export interface TextRun {
  text: string;
  /** Left edge of the first glyph's advance box. */
  x: number;
  baseline: number;
  size: number;
  font: 'title' | 'body';
  color: string;
}

export interface Scene {
  width: number;
  height: number;
  background: Background;
  fades: Fade[];
  boxes: Box[];
  texts: TextRun[];
}

/** What layouts need to know about a font: widths and cap height (see fonts.ts). */
export interface LayoutFont {
  measure(text: string, size: number): number;
  capHeight(size: number): number;
}

export interface LayoutFonts {
  title: LayoutFont;
  body: LayoutFont;
}

export interface BrandLook {
  displayName: string;
  shortName: string;
  colors: {
    primary: string;
    accent: string;
    lightTitleBar: string;
    lightTitleText: string;
    darkTitleBar: string;
    darkTitleText: string;
  };
}
