/**
 * The small part of opentype.js (v2, which ships no types) that text measuring uses. Declared
 * here rather than pulling in @types/opentype.js, which describes v1.
 */
declare module 'opentype.js' {
  export interface BoundingBox {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  }
  export interface Glyph {
    index: number;
    advanceWidth?: number;
    getBoundingBox(): BoundingBox;
  }
  export interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    tables: Record<string, unknown>;
    kerningPairs: Record<string, number>;
    charToGlyph(char: string): Glyph;
    charToGlyphIndex(char: string): number;
  }
  export function parse(buffer: ArrayBuffer): Font;
}
