import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFont } from '../../../src-main/core/render/fonts';
import { renderResources, defaultResourcesDir } from '../../../src-main/core/render/resources';
import { renderStill } from '../../../src-main/core/render/still';
import { greyPixels, mediaBinaries } from '../../helpers/media-probe';
import { makeTempDir } from '../../helpers/temp-dir';

const resources = renderResources(defaultResourcesDir());

/** The bounding box of bright pixels in a grey frame. */
function inkBox(pixels: Buffer, width: number, height: number) {
  let x0 = width,
    x1 = -1,
    y0 = height,
    y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (pixels[y * width + x]! > 128) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { x0, x1, y0, y1 };
}

describe('text measured with the font files is what FFmpeg draws', () => {
  it.each([
    ['title', 'FIVE SMALL HABITS THAT FIX SLEEP', 56],
    ['title', 'AVATAR WAVE', 90],
    ['body', 'Keep the bedroom cool: 18 °C, not 22', 44],
    ['body', 'Dim the lights an hour before bed', 20],
  ] as const)('%s font: "%s" at %i px', async (font, text, size) => {
    const temp = makeTempDir();
    try {
      const metrics = await loadFont(resources.fonts[font]);
      const width = 1080;
      const height = 200;
      const x = 40;
      const baseline = 150;
      await renderStill({
        ffmpeg: mediaBinaries().ffmpeg,
        scene: {
          width,
          height,
          background: { kind: 'solid', color: '#000000' },
          fades: [],
          boxes: [],
          texts: [{ text, x, baseline, size, font, color: '#ffffff' }],
        },
        fonts: resources.fonts,
        dir: temp.dir,
        fileName: 'text.png',
        runId: 't',
        signal: new AbortController().signal,
        purpose: 'drawing test text',
      });
      const ink = inkBox(await greyPixels(join(temp.dir, 'text.png'), width, height), width, height);
      const measured = metrics.measure(text, size);
      // The ink ends inside the advance box, at most a side bearing short of it.
      expect(ink.x1).toBeLessThanOrEqual(x + measured + 1);
      expect(ink.x1).toBeGreaterThanOrEqual(x + measured - Math.ceil(size * 0.15));
      expect(ink.x0).toBeGreaterThanOrEqual(x);
      expect(ink.x0).toBeLessThanOrEqual(x + Math.ceil(size * 0.12));
      // Capitals sit on the baseline and reach the cap height.
      expect(Math.abs(ink.y0 - (baseline - metrics.capHeight(size)))).toBeLessThanOrEqual(size * 0.15);
    } finally {
      temp.cleanup();
    }
  });
});
