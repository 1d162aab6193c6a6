import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * A creator opens Jobs after two renders: the reel plays from the media route, the carousel's
 * slides page through, and both show as done with their captions.
 */
describe('Jobs journey (headless server + Chromium)', () => {
  let journey: Journey | undefined;
  const ids: { reel: string; post: string } = { reel: '', post: '' };

  beforeAll(async () => {
    journey = await openJourney({
      brands: [
        {
          id: 'healthy',
          displayName: 'The Healthy College',
          instagramHandle: '@thehealthycollege',
          colors: { primary: '#004f00', accent: '#dcf6c8' },
        },
      ],
    });
    const { call } = journey;
    ids.reel = (
      await call<{ id: string }>('jobs.create', {
        brandId: 'healthy',
        variant: 'dark',
        title: 'WHY MAGNESIUM CHANGES YOUR SLEEP',
        contentLines: ['Magnesium - calms the nervous system', 'Evening dose - supports deeper sleep'],
        caption: 'Sleep better tonight.',
      })
    ).id;
    ids.post = (
      await call<{ id: string }>('jobs.create', {
        brandId: 'healthy',
        variant: 'post',
        title: 'THE QUIET HABIT THAT PROTECTS YOUR HEART AFTER FIFTY',
        contentLines: ['Walking after dinner lowers blood sugar spikes.', 'Ten minutes is enough to notice.'],
      })
    ).id;
  });

  afterAll(() => journey?.close());

  it('shows progress to done, plays the reel and pages through the carousel', async () => {
    const { page, server } = journey!;
    try {
      await page.goto(server.url);
      await page.goto(`${server.base}/#/jobs`);
      const rows = page.getByRole('row');
      // Renders take a few seconds each; the page updates live from job.progress events.
      await expect
        .poll(async () => rows.filter({ hasText: 'Done' }).count(), { timeout: 120_000, interval: 250 })
        .toBe(2);

      await page.getByRole('button', { name: ids.reel, exact: true }).click();
      const video = page.getByLabel(`Reel video of ${ids.reel}`);
      await video.waitFor();
      const src = await video.getAttribute('src');
      expect(src).toMatch(/^\/media\/.+\.mp4/);
      const media = await page.request.get(`${server.base}${src}`, { headers: { range: 'bytes=0-99' } });
      expect(media.status()).toBe(206);
      expect(media.headers()['content-type']).toBe('video/mp4');
      expect((await media.body()).subarray(4, 8).toString('latin1')).toBe('ftyp');

      await page.getByRole('button', { name: ids.post, exact: true }).click();
      const slide = page.getByRole('img', { name: /^Slide 1 of \d+$/ });
      await slide.waitFor();
      await expect.poll(() => slide.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1080);
      expect(await slide.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(1350);
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('img', { name: /^Slide 2 of \d+$/ }).waitFor();
    } catch (error) {
      await saveFailureScreenshot(page, 'jobs');
      throw error;
    }
    // Two real renders, polled for up to 120 s above.
  }, 180_000);
});
