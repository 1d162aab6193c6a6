import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLlm } from '../fakes/fake-content-llm';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

interface ProposalView {
  proposalId: string;
  title: string;
  status: string;
  reviewerNotes: string | null;
}

interface ProposalRow {
  proposal_id: string;
  status: string;
  reviewer_notes: string | null;
}

const REELS = 3;
const POSTS = 2;
const REJECT_NOTE = 'Too similar to last week';

/**
 * The burst is started from the page (Burst now), so its proposals must arrive in the open list
 * through live updates. The examiner fails on every proposal, so all of them land in "Needs
 * review": the queue a creator works through by hand. (maestro.optimizeNow would give
 * brand-less Pending ones instead, but would not exercise the banner and the live updates.)
 */
describe('Proposals review journey (headless server + Chromium, keyboard only)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    const llm = contentLlm({ examinerFailsFor: () => true });
    journey = await openJourney({
      llm: (request) => llm.respond(request),
      settings: { reelsPerBrand: REELS, postsPerBrand: POSTS, spawnAgentPerBrand: false },
      brands: [{ id: 'healthy-college', displayName: 'Healthy College' }],
    });
  });

  afterAll(() => journey?.close());

  it('a burst fills the queue live; J/K, A, R with a note, X and Shift+A review it', async () => {
    const { page: p, server, call, dataDir } = journey!;
    const tab = (label: string, count: number) =>
      p.getByRole('tab', { name: `${label} ${count}`, exact: true });
    const listbox = p.getByRole('listbox', { name: 'Needs review proposals' });
    const current = listbox.getByRole('option', { selected: true });
    const currentTitle = async () => (await current.getAttribute('aria-label'))?.split(',')[0];
    try {
      await p.goto(server.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
      await p.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
      await p.getByRole('tab', { name: /^Needs review/ }).click();
      await p.getByText('Nothing needs your review.').waitFor();

      // Burst now: the proposals arrive in the open list through live updates, no reload.
      const burstBanner = p.getByRole('region', { name: 'Burst' });
      await burstBanner.getByRole('button', { name: 'Burst now' }).click();
      const total = REELS + POSTS;
      await tab('Needs review', total).waitFor();
      await burstBanner.getByText('Last burst finished').waitFor();
      await expect
        .poll(() => burstBanner.innerText())
        .toContain(`${total} of ${total} written: 0 accepted, 0 rejected, ${total} for you to review.`);
      await expect.poll(() => listbox.getByRole('option').count()).toBe(total);

      // The queue as the core holds it, newest first like the list.
      const queued = (await call<{ items: ProposalView[] }>('proposals.list', { statuses: ['needs_review'] }))
        .items;
      expect(queued).toHaveLength(total);
      const titles = queued.map((proposal) => proposal.title);
      const ids = queued.map((proposal) => proposal.proposalId);

      // The first item is current; J and K move; the detail pane follows with the examiner error.
      await expect.poll(currentTitle).toBe(titles[0]);
      await p.keyboard.press('j');
      await expect.poll(currentTitle).toBe(titles[1]);
      await p.keyboard.press('j');
      await p.keyboard.press('k');
      await expect.poll(currentTitle).toBe(titles[1]);
      const detail = p.getByRole('article', { name: titles[1] });
      await detail.getByText('The examiner could not answer').waitFor();

      // A accepts the current item; the cursor moves on to the next one.
      await p.keyboard.press('a');
      await tab('Accepted', 1).waitFor();
      await tab('Needs review', total - 1).waitFor();
      await listbox.getByRole('option', { name: titles[1] }).waitFor({ state: 'detached' });
      await expect.poll(currentTitle).toBe(titles[2]);

      // R opens the note field; Escape cancels, and typed letters are text, not shortcuts.
      await p.keyboard.press('r');
      const note = p.getByRole('textbox', { name: 'Reject with a note (optional)' });
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await p.keyboard.type('jaxr');
      await p.keyboard.press('Escape');
      await note.waitFor({ state: 'detached' });
      await expect.poll(() => listbox.evaluate((el) => el === document.activeElement)).toBe(true);
      await tab('Needs review', total - 1).waitFor();
      await expect.poll(currentTitle).toBe(titles[2]);

      // R again with a note; Enter confirms.
      await p.keyboard.press('r');
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await p.keyboard.type(REJECT_NOTE);
      await p.keyboard.press('Enter');
      await tab('Rejected', 1).waitFor();
      await tab('Needs review', total - 2).waitFor();
      await expect.poll(currentTitle).toBe(titles[3]);
      await expect.poll(() => listbox.evaluate((el) => el === document.activeElement)).toBe(true);

      // X, J, X picks two; Shift+A accepts both.
      await p.keyboard.press('x');
      await p.keyboard.press('j');
      await p.keyboard.press('x');
      await expect.poll(() => listbox.getByRole('option', { checked: true }).count()).toBe(2);
      await p.getByRole('region', { name: 'Selection' }).getByText('2 selected').waitFor();
      await p.keyboard.press('Shift+A');
      await tab('Accepted', 3).waitFor();
      await tab('Needs review', 1).waitFor();
      await p.getByRole('region', { name: 'Selection' }).waitFor({ state: 'detached' });
      await expect.poll(() => listbox.getByRole('option').count()).toBe(1);
      await expect.poll(currentTitle).toBe(titles[0]);

      // The Accepted tab shows the three, with their status.
      await p.getByRole('tab', { name: /^Accepted/ }).click();
      const accepted = p.getByRole('listbox', { name: 'Accepted proposals' });
      await expect.poll(() => accepted.getByRole('option').count()).toBe(3);
      for (const title of [titles[1], titles[3], titles[4]]) {
        await accepted.getByRole('option', { name: `${title}, ` }).waitFor();
      }

      // The contract and the database agree with what the UI showed.
      const expected: Record<string, { status: string; note?: string }> = {
        [ids[0]!]: { status: 'needs_review' },
        [ids[1]!]: { status: 'accepted' },
        [ids[2]!]: { status: 'rejected', note: REJECT_NOTE },
        [ids[3]!]: { status: 'accepted' },
        [ids[4]!]: { status: 'accepted' },
      };
      const after = (await call<{ items: ProposalView[] }>('proposals.list', {})).items;
      expect(Object.fromEntries(after.map((proposal) => [proposal.proposalId, proposal.status]))).toEqual(
        Object.fromEntries(Object.entries(expected).map(([id, { status }]) => [id, status])),
      );
      expect(after.find((proposal) => proposal.proposalId === ids[2])?.reviewerNotes).toBe(REJECT_NOTE);

      const db = new Database(join(dataDir, 'maestro.db'), { readonly: true, fileMustExist: true });
      try {
        const rows = db
          .prepare('SELECT proposal_id, status, reviewer_notes FROM proposals ORDER BY id')
          .all() as ProposalRow[];
        expect(rows).toHaveLength(total);
        for (const row of rows) {
          expect(row.status).toBe(expected[row.proposal_id]?.status);
          if (expected[row.proposal_id]?.note) expect(row.reviewer_notes).toBe(REJECT_NOTE);
        }
      } finally {
        db.close();
      }
    } catch (error) {
      await saveFailureScreenshot(p, 'proposals-review');
      throw error;
    }
  });
});
