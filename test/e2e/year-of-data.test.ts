import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/core/store/open-database';
import { writeYearOfData } from '../helpers/year-of-data';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * A creator with a year behind them: long lists render only what is in view and load more as
 * they scroll, and the Proposals search box narrows the tab as they type, with the matches
 * marked. (A tenth of the agency year of `npm run bench scale`: 6,000 proposals.)
 */
describe('A year of data in Chromium: virtualized lists, search as you type, the agenda', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await openJourney({
      prepare: async (dataDir) => {
        const store = await openStore(join(dataDir, 'maestro.db'));
        writeYearOfData(store.sqlite, { end: new Date(), scale: 0.1 });
        await store.close();
      },
      page: { viewport: { width: 1400, height: 900 } },
    });
  }, 120_000);

  afterAll(() => journey?.close());

  it('scrolls thousands of proposals, jobs, posts and entries while rendering only what is in view', async () => {
    const { page: p, server } = journey!;
    try {
      await p.goto(server.url);
      // Proposals, Rejected: 3,000 of them; the listbox holds the loaded pages, rendered in part.
      await p.goto(`${server.base}/#/proposals?status=rejected`);
      const listbox = p.getByRole('listbox', { name: 'Rejected proposals' });
      const options = listbox.getByRole('option');
      await options.first().waitFor();
      const loaded = Number(await options.first().getAttribute('aria-setsize'));
      expect(loaded).toBeGreaterThanOrEqual(50);
      expect(await options.count()).toBeLessThan(loaded);
      // Scrolling to the end of what is loaded loads the next page.
      await p.locator('.proposal-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect
        .poll(async () => Number(await options.first().getAttribute('aria-setsize')))
        .toBeGreaterThan(loaded);
      expect(await options.count()).toBeLessThan(60);

      // Search as you type: the tab narrows, the counts follow, the matches are marked.
      const rejectedTab = p.getByRole('tab', { name: /^Rejected/ });
      const before = await rejectedTab.innerText();
      await p.getByRole('searchbox', { name: 'Search' }).pressSequentially('magnes');
      await p.locator('.review-list-column[data-results-for="magnes"]').waitFor();
      await expect.poll(() => rejectedTab.innerText()).not.toBe(before);
      const first = options.first();
      expect(await first.locator('mark').first().innerText()).toMatch(/^magnes/i);
      expect((await first.getAttribute('aria-label'))?.toLowerCase()).toContain('magnesium');
      // The address takes the search once typing pauses, so a reload keeps it.
      await expect.poll(() => p.url()).toContain('q=magnes');
      await p.reload();
      await p.locator('.review-list-column[data-results-for="magnes"]').waitFor();
      expect(await p.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('magnes');
      await p.getByRole('searchbox', { name: 'Search' }).fill('zzzz nothing');
      await p.getByText('No rejected proposal has “zzzz nothing”.').waitFor();

      // Jobs: 2,000 renders, a table of the rows in view.
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
      const table = p.locator('.jobs-table');
      await table.locator('tbody tr[aria-rowindex]').first().waitFor();
      const rows = await table.locator('tbody tr[aria-rowindex]').count();
      expect(Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(rows);
      await p.locator('.jobs-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect.poll(async () => Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(101);

      // The calendar's agenda: this month by day, in view only.
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
      await p.getByRole('button', { name: 'Agenda' }).click();
      const agenda = p.getByRole('list', { name: /^Posts in / });
      await agenda.getByRole('heading', { level: 3 }).first().waitFor();
      expect(await agenda.locator('.agenda-post').count()).toBeGreaterThan(0);
      await p.getByRole('button', { name: 'Previous month' }).click();
      await agenda.getByRole('heading', { level: 3 }).first().waitFor();
      await p.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Month' }).click();
      await p.locator('.agenda').waitFor({ state: 'detached' });
      await p.getByRole('button', { name: 'Agenda' }).waitFor();

      // The activity feed: 20,000 entries, searchable.
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      const feed = p.getByRole('list', { name: 'Activity feed, newest first' });
      await feed.getByRole('listitem').first().waitFor();
      expect(await feed.getByRole('listitem').count()).toBeLessThan(40);
      await p.getByRole('searchbox', { name: 'Search activity' }).fill('render');
      await expect.poll(() => feed.locator('mark').first().innerText()).toMatch(/^render/i);
    } catch (error) {
      await saveFailureScreenshot(p, 'year-of-data');
      throw error;
    }
  });
});
