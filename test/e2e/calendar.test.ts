import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarItem } from '@contract';
import { fromWallTimeInput } from '../../src-renderer/features/calendar/calendar-time';
import {
  addDays,
  call,
  dateInZone,
  dayCell,
  dragPostToDay,
  postBlock,
  postInDay,
  readScheduledPost,
  waitForScheduledPost,
  wallClockInZone,
} from './calendar-helpers';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * The creator's zone is Tokyo and the browser's New York (14 hours apart), so a calendar that
 * used the browser's zone would put the post on the wrong day for most of the day.
 */
const CREATOR_ZONE = 'Asia/Tokyo';
const BROWSER_ZONE = 'America/New_York';
const TITLE = 'WHY MAGNESIUM CHANGES YOUR SLEEP';
const NEW_CAPTION = 'Magnesium before bed: calmer nerves, deeper sleep. Save this for tonight.';

/**
 * A render finishes and the core puts it in the brand's next free slot; the creator drags it to
 * the next day in the month view (it stays there after a reload and in the SQLite file), tries a
 * day the rules refuse (it snaps back with the core's reason), then opens it from the keyboard
 * and edits its caption.
 */
describe('Calendar journey (headless server + Chromium)', () => {
  let journey: Journey | undefined;
  let jobId: string;

  /** Brings the month that holds `date` into view (the next month's grid, at most twice). */
  async function showDay(p: Page, date: string): Promise<void> {
    for (let i = 0; i < 2 && (await dayCell(p, date).count()) === 0; i++) {
      await p.getByRole('button', { name: 'Next Month' }).click();
    }
    await dayCell(p, date).waitFor();
  }

  async function openCalendar(p: Page): Promise<void> {
    await p.goto(`${journey!.server.base}/#/calendar`);
    await p.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await p.getByText(`Times are in ${CREATOR_ZONE}`).waitFor();
  }

  beforeAll(async () => {
    journey = await openJourney({
      settings: { burstTimeZone: CREATOR_ZONE },
      brands: [
        {
          id: 'healthy',
          displayName: 'The Healthy College',
          instagramHandle: '@thehealthycollege',
          colors: { primary: '#004f00', accent: '#dcf6c8' },
        },
      ],
      page: { viewport: { width: 1400, height: 1000 }, timezoneId: BROWSER_ZONE },
    });
    jobId = (
      await call<{ id: string }>(journey.server, 'jobs.create', {
        brandId: 'healthy',
        variant: 'dark',
        title: TITLE,
        contentLines: ['Magnesium - calms the nervous system', 'Evening dose - supports deeper sleep'],
        caption: 'Sleep better tonight.',
      })
    ).id;
  });

  afterAll(() => journey?.close());

  it('moves a post by dragging, refuses a day the rules forbid, and saves an edited caption', async () => {
    const { page, server } = journey!;
    try {
      const { item, timeZone } = await waitForScheduledPost(server, jobId);
      expect(timeZone).toBe(CREATOR_ZONE);
      expect(item.editable).toBe(true);
      const { scheduleId } = item;
      const wallClock = wallClockInZone(item.scheduledTime, CREATOR_ZONE);
      const slotDay = dateInZone(item.scheduledTime, CREATOR_ZONE);
      const targetDay = addDays(slotDay, 1);

      await page.goto(server.url);
      await openCalendar(page);
      await showDay(page, slotDay);
      await showDay(page, targetDay);
      await postInDay(page, scheduleId, slotDay).waitFor();
      await expect.poll(() => postBlock(page, scheduleId).textContent()).toContain(TITLE);

      // A valid drop: the next day, same time of day.
      await dragPostToDay(page, scheduleId, targetDay);
      await page
        .getByRole('status')
        .filter({ hasText: `Moved ${TITLE} to` })
        .waitFor();
      await postInDay(page, scheduleId, targetDay).waitFor();
      await expect.poll(() => readScheduledPost(server.dataDir, scheduleId)?.slot_source).toBe('manual');
      const moved = readScheduledPost(server.dataDir, scheduleId)!;
      expect(dateInZone(moved.scheduled_time, CREATOR_ZONE)).toBe(targetDay);
      expect(wallClockInZone(moved.scheduled_time, CREATOR_ZONE)).toBe(wallClock);
      expect((await call<CalendarItem>(server, 'calendar.get', { scheduleId })).scheduledTime).toBe(
        moved.scheduled_time,
      );

      await page.reload();
      await openCalendar(page);
      await showDay(page, targetDay);
      await postInDay(page, scheduleId, targetDay).waitFor();

      // A refused drop: a day before today (or, if the grid starts today, a day past the horizon).
      const today = dateInZone(Date.now(), CREATOR_ZONE);
      const days = await page
        .locator('.calendar-shell [role="cell"][data-date]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date')!));
      const refusedDay = days.find((day) => day < today) ?? days[days.length - 1]!;
      const refusedAt = fromWallTimeInput(`${refusedDay}T${wallClock}`, CREATOR_ZONE);
      if (!refusedAt.ok) throw new Error(refusedAt.reason);
      const verdict = await call<{ ok: boolean; reason: string | null }>(server, 'calendar.checkSlot', {
        scheduleId,
        at: refusedAt.iso,
      });
      expect(verdict.ok).toBe(false);

      await dragPostToDay(page, scheduleId, refusedDay);
      await page
        .getByRole('status')
        .filter({ hasText: `Not moved: ${verdict.reason}` })
        .waitFor();
      await postInDay(page, scheduleId, targetDay).waitFor();
      expect(await postInDay(page, scheduleId, refusedDay).count()).toBe(0);
      expect(readScheduledPost(server.dataDir, scheduleId)?.scheduled_time).toBe(moved.scheduled_time);

      // Open it from the keyboard: the panel takes focus, shows the reel, and the caption is editable.
      await postBlock(page, scheduleId).focus();
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { name: TITLE, level: 2 });
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
      const video = page.getByLabel(`Reel video of ${TITLE}`);
      expect(await video.getAttribute('src')).toMatch(/^\/media\/.+\.mp4$/);

      const caption = page.getByLabel('Instagram caption');
      expect(await caption.inputValue()).toBe(item.caption);
      await caption.fill(NEW_CAPTION);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Saved the changes to ${TITLE}.` })
        .waitFor();
      await expect.poll(() => readScheduledPost(server.dataDir, scheduleId)?.caption).toBe(NEW_CAPTION);

      await page.reload();
      await openCalendar(page);
      await showDay(page, targetDay);
      await postBlock(page, scheduleId).click();
      await expect.poll(() => page.getByLabel('Instagram caption').inputValue()).toBe(NEW_CAPTION);
    } catch (error) {
      await saveFailureScreenshot(page, 'calendar');
      throw error;
    }
  });
});
