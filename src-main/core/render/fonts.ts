import { readFile } from 'node:fs/promises';
import { parse, type Font } from 'opentype.js';
import { RenderError } from './render-error';

/** A width in pixels of `text` set at `size` px, as FFmpeg's drawtext will draw it. */
export type Measure = (text: string, size: number) => number;

export interface FontMetrics {
  file: string;
  measure: Measure;
  /** Height of a capital letter above the baseline, for centring upper-case text in a bar. */
  capHeight(size: number): number;
  /** Drops characters the font has no glyph for (emoji, symbols) so none renders as a box. */
  printable(text: string): string;
}

/**
 * Measures text with the font's own advance widths, exactly the way FreeType lays it out for
 * drawtext with hinting off (`ft_load_flags=no_hinting`): each advance is rounded down to a whole
 * pixel, and only a legacy `kern` table is applied (drawtext does no GPOS kerning or shaping).
 * Hinting is off so the widths do not depend on the hinting engine of a given FFmpeg build.
 */
export function metricsOf(font: Font, file: string): FontMetrics {
  const scale = (size: number) => size / font.unitsPerEm;
  const hasLegacyKerning = 'kern' in font.tables && Object.keys(font.kerningPairs ?? {}).length > 0;
  const glyphCache = new Map<string, { index: number; advance: number }>();
  const glyph = (char: string) => {
    let cached = glyphCache.get(char);
    if (!cached) {
      const g = font.charToGlyph(char);
      cached = { index: g.index, advance: g.advanceWidth ?? 0 };
      glyphCache.set(char, cached);
    }
    return cached;
  };
  const capGlyph = font.charToGlyph('H').getBoundingBox();
  return {
    file,
    measure(text, size) {
      const s = scale(size);
      let width = 0;
      let previous: number | undefined;
      for (const char of text) {
        const g = glyph(char);
        // FreeType keeps advances in 1/64 px and drawtext drops the fraction.
        width += Math.floor(Math.round(g.advance * s * 64) / 64);
        if (hasLegacyKerning && previous !== undefined) {
          width += Math.floor((font.kerningPairs[`${previous},${g.index}`] ?? 0) * s);
        }
        previous = g.index;
      }
      return width;
    },
    capHeight: (size) => capGlyph.y2 * scale(size),
    printable(text) {
      let out = '';
      for (const char of text.replace(/[\t\r\n\u00a0]+/g, ' ')) {
        if (char === ' ' || glyph(char).index !== 0) out += char;
      }
      return out.replace(/ {2,}/g, ' ').trim();
    },
  };
}

const loaded = new Map<string, Promise<FontMetrics>>();

/** Loads (once per file) a TTF/OTF the renderer draws with; a missing file is a clear failure. */
export function loadFont(file: string): Promise<FontMetrics> {
  let pending = loaded.get(file);
  if (!pending) {
    pending = readFile(file).then(
      (bytes) => {
        try {
          return metricsOf(
            parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
            file,
          );
        } catch (error) {
          throw new RenderError(
            'missing_resource',
            `The font ${file} cannot be read: ${(error as Error).message}`,
          );
        }
      },
      (error: NodeJS.ErrnoException) => {
        throw new RenderError(
          'missing_resource',
          `The font ${file} is missing (${error.code ?? error.message}). Reinstall the app to restore its fonts.`,
        );
      },
    );
    // A failed load is not cached: the file may be restored without restarting the app.
    pending.catch(() => loaded.delete(file));
    loaded.set(file, pending);
  }
  return pending;
}
