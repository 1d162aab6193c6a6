import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLlm, type ContentLlm } from '../fakes/fake-content-llm';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

const REASON = 'Weak hook for this audience.';

/**
 * One brand, two reels and a post. The examiner rejects the first title written (an original,
 * so it is rewritten once and the rewrite passes): 3 of 4 pass. A pass scores 7.825 → 7.83 and
 * a reject 3.35, so the overall average is (3·7.83 + 3.35) / 4 = 6.71.
 */
describe('Examiner panel journey (headless server + Chromium)', () => {
  let llm: ContentLlm;
  let journey: Journey | undefined;

  beforeAll(async () => {
    llm = contentLlm({ rejectTitle: (title) => llm.titles.indexOf(title) === 0 });
    journey = await openJourney({
      llm: (request) => llm.respond(request),
      settings: { reelsPerBrand: 2, postsPerBrand: 1, spawnAgentPerBrand: false },
      brands: [{ id: 'healthy-college', displayName: 'Healthy College' }],
    });
  });

  afterAll(() => journey?.close());

  it('opens from the keyboard, fills live during a burst, and keeps a reject the creator accepted', async () => {
    const { page: p, server, call } = journey!;
    const panel = p.getByRole('region', { name: 'Examiner' });
    const toggle = panel.getByRole('button', { name: /details$/ });
    const summary = () => panel.locator('.examiner-panel-summary').innerText();
    const rejects = panel.getByRole('list', { name: 'Rejected by the examiner' });
    try {
      await p.goto(server.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
      await p.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
      await expect.poll(summary).toBe('Nothing graded (last 7 days).');

      // Open the details from the keyboard.
      await toggle.focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      await panel.getByText('The examiner rejected nothing (last 7 days).').waitFor();

      // Burst now: the panel fills by itself as the examiner answers.
      const burstBanner = p.getByRole('region', { name: 'Burst' });
      await burstBanner.getByRole('button', { name: 'Burst now' }).click();
      await burstBanner.getByText('Last burst finished').waitFor();
      await expect.poll(summary).toBe('Pass rate 75%: 3 of 4 passed (last 7 days), average score 6.7 / 10.');

      // The one reject, with its score, reason and red flag; the core agrees on which one.
      const rejectedTitle = llm.titles[0]!;
      const { items } = await call<{ items: Array<{ title: string; proposalId: string }> }>(
        'examiner.rejected',
        {},
      );
      expect(items.map((item) => item.title)).toEqual([rejectedTitle]);
      const reject = rejects.getByRole('listitem').filter({ hasText: rejectedTitle });
      await expect.poll(() => rejects.getByRole('listitem').count()).toBe(1);
      await expect.poll(() => reject.innerText()).toContain(REASON);
      expect(await reject.innerText()).toContain('3.4 / 10');
      expect(await reject.innerText()).toContain('Red flags: Clickbait hook with no substance');

      // Averages: passed 7.83, rejected 3.35, all 6.71, shown to one decimal.
      const overall = panel.getByRole('row', { name: /^Overall score/ });
      await expect.poll(() => overall.innerText()).toMatch(/Overall score\s+7\.8\s+3\.4\s+6\.7/);
      await panel
        .getByRole('row', { name: /^Audience fit/ })
        .getByText('8.0')
        .first()
        .waitFor();
      await panel.getByText('Clickbait hook with no substance (once)').waitFor();

      // The creator accepts the reject anyway (A in the Rejected tab): the examiner's numbers
      // stay, and the reject says who overruled it.
      await p.getByRole('tab', { name: /^Rejected/ }).click();
      const listbox = p.getByRole('listbox', { name: 'Rejected proposals' });
      await listbox.getByRole('option', { name: new RegExp(`^${rejectedTitle}, `) }).waitFor();
      await p.keyboard.press('a');
      await p.getByRole('tab', { name: 'Rejected 0', exact: true }).waitFor();
      await reject.getByText('You accepted it').waitFor();
      expect(await summary()).toBe('Pass rate 75%: 3 of 4 passed (last 7 days), average score 6.7 / 10.');

      // Closing hides the details; the summary stays.
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await rejects.waitFor({ state: 'hidden' });
    } catch (error) {
      await saveFailureScreenshot(p, 'examiner-stats');
      throw error;
    }
  });
});
