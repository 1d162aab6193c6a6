import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFailureScreenshot } from './helpers';
import type { Journey } from './journey';
import { openLearningJourney, quietBrand, seedBrand, type LearningSeed } from './learning-seed';

interface RankedPost {
  title: string;
  agentId: string | null;
  agentName: string | null;
  strategy: string | null;
}
interface BrandAnalytics {
  followers: Array<{ instagram: number | null; youtube: number | null }>;
  bestHours: unknown[];
  engagement: unknown[];
  topPosts: RankedPost[];
  bottomPosts: RankedPost[];
  totals: { posts: number };
}

/**
 * The Analytics page for a brand with three weeks of measured posts and account snapshots (see
 * learning-seed.ts), and for a brand with none: the charts, the ranked posts with the agent and
 * strategy behind each (the agent a link), and the empty state saying what will appear and when.
 */
describe('Analytics journey (headless server + Chromium)', () => {
  let seed: LearningSeed;
  let journey: Journey | undefined;

  beforeAll(async () => {
    ({ journey, seed } = await openLearningJourney());
  });

  afterAll(() => journey?.close());

  it('charts a brand, ranks its posts with their agents and strategies, and says what a brand without data will show', async () => {
    const { page: p, server, call } = journey!;
    try {
      const data = await call<BrandAnalytics>('analytics.brand', { brandId: seedBrand.id, days: 30 });
      expect(data.totals.posts).toBe(seed.posts);

      await p.goto(server.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
      await p.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await p.getByLabel('Brand').selectOption({ label: seedBrand.displayName });
      await expect.poll(() => p.url()).toContain(`brand=${seedBrand.id}`);

      const totals = p.getByRole('definition').first();
      await expect.poll(() => totals.innerText()).toBe(String(seed.posts));

      // Followers: one line per platform, a dot per day with a snapshot.
      const followers = p.getByRole('figure', { name: 'Followers' });
      await expect.poll(() => followers.locator('.recharts-line').count()).toBe(2);
      const snapshots = data.followers.filter((d) => d.instagram !== null).length;
      const youtubeSnapshots = data.followers.filter((d) => d.youtube !== null).length;
      expect(snapshots).toBeGreaterThan(youtubeSnapshots);
      await expect
        .poll(() => followers.locator('.recharts-line-dot').count())
        .toBe(snapshots + youtubeSnapshots);
      expect(await followers.locator('.recharts-legend-item').allInnerTexts()).toEqual([
        'Instagram',
        'YouTube',
      ]);

      // Engagement by publishing day and the best hours: a bar per day and per hour.
      const engagement = p.getByRole('figure', { name: 'Engagement by publishing day' });
      await expect
        .poll(() => engagement.locator('.recharts-bar-rectangle').count())
        .toBe(data.engagement.length);
      const hours = p.getByRole('figure', { name: 'Best posting hours' });
      await expect.poll(() => hours.locator('.recharts-bar-rectangle').count()).toBe(data.bestHours.length);
      // Toby's double-downs went out at 08:00 and 07:00 Lisbon time (50 and 51 hours before feedback).
      expect(await hours.innerText()).toContain('Best: 08:00, 07:00');

      // The top posts are Toby's double-downs; the bottom ones the retired agent's.
      const top = p.getByRole('table', { name: 'Top posts' });
      const topRows = top.locator('tbody tr');
      await expect.poll(() => topRows.count()).toBe(data.topPosts.length);
      for (const [i, post] of data.topPosts.entries()) {
        const text = await topRows.nth(i).innerText();
        expect(text).toContain(post.title);
        expect(text).toContain('Toby');
        expect(text).toContain('double down');
      }
      const bottomRows = p.getByRole('table', { name: 'Bottom posts' }).locator('tbody tr');
      await expect.poll(() => bottomRows.count()).toBe(data.bottomPosts.length);
      expect(data.bottomPosts.every((post) => post.agentId === seed.weak.agentId)).toBe(true);
      const worst = await bottomRows.first().innerText();
      expect(worst).toContain(data.bottomPosts[0]!.title);
      expect(worst).toContain(seed.weak.displayName);
      expect(worst).toContain(data.bottomPosts[0]!.strategy!);

      // The agent is a link to what it learned.
      await topRows.first().getByRole('link', { name: 'Toby' }).click();
      await p.getByRole('heading', { level: 1, name: 'Toby' }).waitFor();
      expect(p.url()).toContain('#/agents/toby');
      await p.goBack();
      await p.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await expect.poll(() => p.getByLabel('Brand').inputValue()).toBe(seedBrand.id);

      // A brand with nothing measured says what will appear and when.
      await p.getByLabel('Brand').selectOption({ label: quietBrand.displayName });
      const empty = p.getByRole('region', { name: 'No analytics yet' });
      await empty
        .getByRole('heading', { name: `No measurements for ${quietBrand.displayName} yet` })
        .waitFor();
      const words = await empty.innerText();
      expect(words).toContain('measured 1 hour after it goes out');
      expect(words).toContain('from its 24-hour measurement it is ranked among the top and bottom posts');
      expect(await p.getByRole('table', { name: 'Top posts' }).count()).toBe(0);
      expect(await p.locator('.recharts-surface').count()).toBe(0);
    } catch (error) {
      await saveFailureScreenshot(p, 'analytics');
      throw error;
    }
  });
});
