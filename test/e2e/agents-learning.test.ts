import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFailureScreenshot } from './helpers';
import type { Journey } from './journey';
import { openLearningJourney, type LearningSeed } from './learning-seed';

interface TimelineEntry {
  id: number;
  agentName: string;
  mutationType: string;
  description: string;
}

/**
 * The Agents page over weeks of the real learning loop (see learning-seed.ts): the weekly
 * evolution's report, the gene pool with the retired agent, "Run evolution now" behind its
 * warning, the learnings paged with beforeId, and one agent's survival and strategy charts.
 */
describe('Agents: the learning loop (headless server + Chromium)', () => {
  let seed: LearningSeed;
  let journey: Journey | undefined;

  beforeAll(async () => {
    ({ journey, seed } = await openLearningJourney());
  });

  afterAll(() => journey?.close());

  it('shows the evolution, the gene pool and the learnings, runs the evolution after a warning, and charts an agent', async () => {
    const { page: p, server, call } = journey!;
    const { weak, child } = seed;
    try {
      await p.goto(server.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
      await p.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();

      // The week of 15 November: the weak agent retired, a child of Toby's DNA in its place.
      const evolution = p.getByRole('region', { name: 'Evolution' });
      const reports = evolution
        .getByRole('list', { name: 'Weekly evolution, newest first' })
        .locator(':scope > li');
      await expect.poll(() => reports.count()).toBe(1);
      const report = await reports.first().innerText();
      expect(report).toContain('3 agents: 1 thriving, 1 surviving, 1 struggling; 1 retired, 1 born.');
      // The agent's generation and whether its replacement inherited (4 times in 5) are drawn at
      // random: the words are checked against the core's report.
      const [week] = await call<
        Array<{
          deaths: Array<{ survivalScore: number; generation: number }>;
          births: Array<{ inheritedFrom: string | null }>;
        }>
      >('learning.evolutionHistory');
      const death = week!.deaths[0]!;
      expect(Math.round(death.survivalScore)).toBe(14);
      expect(report).toContain(
        `Retired ${weak.displayName} (survival 14, generation ${death.generation}): last 4 snapshots all under 30.`,
      );
      const origin = week!.births[0]!.inheritedFrom ? 'inheriting Toby’s DNA' : 'with random DNA';
      expect(report).toContain(`Born ${child.displayName} in place of ${weak.displayName}, ${origin}.`);
      expect(report).toContain('Archived to the gene pool: Toby.');

      // The gene pool: Toby (thriving) and the retired agent, best survival first; one kind at a time.
      const pool = p.getByRole('region', { name: 'Gene pool' });
      const genes = pool.getByRole('list', { name: 'Gene pool, best survival first' }).locator(':scope > li');
      await expect
        .poll(() => genes.allInnerTexts())
        .toEqual([
          expect.stringMatching(/^Toby\s+Top performer/),
          expect.stringMatching(new RegExp(`^${weak.displayName}\\s+Retired by evolution`)),
        ]);
      await pool.getByLabel('Show').selectOption({ label: 'Retired by evolution' });
      await expect.poll(() => genes.count()).toBe(1);
      await genes.first().getByText('DNA').click();
      await genes.first().getByText('A contrarian who chases every trend a week late.').waitFor();

      // Run evolution now: the warning says it may retire agents; then this week's report arrives.
      await evolution.getByRole('button', { name: 'Run evolution now' }).click();
      const dialog = p.getByRole('dialog', { name: 'Run this week’s evolution now?' });
      expect(await dialog.innerText()).toContain('may retire agents');
      await dialog.getByRole('button', { name: 'Run evolution' }).click();
      await p.getByRole('status').filter({ hasText: 'Evolution ran:' }).waitFor();
      await expect.poll(() => reports.count()).toBe(2);
      const weeks = await call<Array<{ week: string }>>('learning.evolutionHistory');
      expect(weeks.map((w) => w.week)).toEqual(['2026-11-22', '2026-11-15']);

      // Every agent's learnings, newest first, 20 at a time; "Show older" pages with beforeId.
      const all = await call<TimelineEntry[]>('learning.timeline', { limit: 200 });
      expect(all.length).toBeGreaterThan(20);
      const learnings = p.getByRole('region', { name: 'Latest learnings' });
      const entries = learnings.getByRole('list', { name: 'Learnings, newest first' }).locator(':scope > li');
      await expect.poll(() => entries.count()).toBe(20);
      expect(await entries.first().innerText()).toContain(all[0]!.description);
      await learnings.getByRole('button', { name: 'Show older' }).click();
      await expect.poll(() => entries.count()).toBe(all.length);
      const oldest = await entries.last().innerText();
      expect(oldest).toContain(weak.displayName);
      expect(oldest).toContain('Created with random DNA');
      await learnings.getByRole('button', { name: 'Show older' }).waitFor({ state: 'detached' });

      // Toby: survival after each feedback run, and his strategy mix after each change.
      await p.getByRole('link', { name: 'Toby', exact: true }).first().click();
      await p.getByRole('heading', { level: 1, name: 'Toby' }).waitFor();
      const history = await call<{
        survival: Array<{ survivalScore: number }>;
        weights: Array<{ weights: Record<string, number> }>;
      }>('learning.agentHistory', { agentId: 'toby' });
      expect(history.survival.length).toBe(7);
      const survival = p.getByRole('figure', { name: 'Survival score over time' });
      await expect.poll(() => survival.locator('.recharts-line-dot').count()).toBe(history.survival.length);
      const first = Math.round(history.survival[0]!.survivalScore);
      const last = Math.round(history.survival.at(-1)!.survivalScore);
      expect(await survival.innerText()).toContain(`Survival ${first} → ${last} over 7 measurements.`);

      const strategies = new Set(history.weights.flatMap((w) => Object.keys(w.weights)));
      const weights = p.getByRole('figure', { name: 'Strategy weights over time' });
      await expect.poll(() => weights.locator('.recharts-area').count()).toBe(strategies.size);
      expect(await weights.locator('.recharts-legend-item').allInnerTexts()).toEqual([
        'explore',
        'iterate',
        'double down',
        'trending',
      ]);
      expect(await weights.innerText()).toContain(`${history.weights.length - 1} changes since it started`);

      // His learnings: the latest weight shift in the core's words; narrowed to strategy changes.
      const [shift] = await call<TimelineEntry[]>('learning.timeline', {
        agentId: 'toby',
        types: ['weight_shift'],
        limit: 1,
      });
      const mine = p.getByRole('region', { name: 'Learnings', exact: true });
      await mine.getByText(shift!.description).waitFor();
      const strategyChanges = await call<TimelineEntry[]>('learning.timeline', {
        agentId: 'toby',
        types: ['weight_shift', 'strategy_swap'],
        limit: 200,
      });
      await mine.getByLabel('Show').selectOption({ label: 'Strategies' });
      const mineEntries = mine.getByRole('list', { name: 'Learnings, newest first' }).locator(':scope > li');
      await expect.poll(() => mineEntries.count()).toBe(strategyChanges.length);
      expect(await mineEntries.allInnerTexts()).not.toContainEqual(expect.stringContaining('temperature'));
    } catch (error) {
      await saveFailureScreenshot(p, 'agents-learning');
      throw error;
    }
  });
});
