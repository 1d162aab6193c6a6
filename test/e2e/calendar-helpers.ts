import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright';
import type { CalendarItem } from '@contract';
import { callOperation } from '../helpers/serve-process';
import type { RunningServer } from './helpers';

/**
 * What calendar journeys share: finding a post and a day in the page, dragging one onto the other
 * the way a mouse does, and reading the post back from the API and from the SQLite file.
 */

export async function call<T>(server: RunningServer, name: string, body: unknown): Promise<T> {
  const { body: result } = await callOperation(server.base, server.token, name, body);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The post's block in the calendar: FullCalendar's event button around our content. */
export function postBlock(page: Page, scheduleId: string): Locator {
  return page.locator(`.calendar-shell [role="button"]:has([data-schedule-id="${scheduleId}"])`).first();
}

/** A day of the month view, by its date in the creator's zone (YYYY-MM-DD). */
export function dayCell(page: Page, date: string): Locator {
  return page.locator(`.calendar-shell [role="cell"][data-date="${date}"]`);
}

/** The post inside a given day of the month view (absent when it is on another day). */
export function postInDay(page: Page, scheduleId: string, date: string): Locator {
  return dayCell(page, date).locator(`[data-schedule-id="${scheduleId}"]`);
}

/**
 * Drags with real mouse events: press on the post, move past FullCalendar's drag threshold, glide
 * to the middle of the day, release. (Playwright's dragTo fires HTML5 drag events, which
 * FullCalendar does not use.)
 */
export async function dragPostToDay(page: Page, scheduleId: string, date: string): Promise<void> {
  const from = await postBlock(page, scheduleId).boundingBox();
  const to = await dayCell(page, date).boundingBox();
  if (!from || !to) throw new Error(`Cannot drag ${scheduleId} to ${date}: post or day not visible`);
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.up();
}

/** YYYY-MM-DD of an instant in `timeZone`. */
export function dateInZone(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** HH:MM (24 h) of an instant in `timeZone`. */
export function wallClockInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** The calendar date `days` after `date` (plain calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Polls the calendar until the render `jobId` has been scheduled (renders take a few seconds). */
export async function waitForScheduledPost(
  server: RunningServer,
  jobId: string,
  timeoutMs = 120_000,
): Promise<{ item: CalendarItem; timeZone: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await call<{ items: CalendarItem[]; timeZone: string }>(server, 'calendar.list', {
      from: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      to: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    });
    const item = list.items.find((i) => i.jobId === jobId);
    if (item) return { item, timeZone: list.timeZone };
    const job = await call<{ status: string; error: unknown }>(server, 'jobs.get', { id: jobId });
    if (job.status === 'failed' || job.status === 'cancelled') {
      throw new Error(`${jobId} ended ${job.status}: ${JSON.stringify(job.error)}`);
    }
    if (Date.now() > deadline)
      throw new Error(`${jobId} was not scheduled within ${timeoutMs} ms (${job.status})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface ScheduledPostRow {
  schedule_id: string;
  scheduled_time: string;
  slot_source: string;
  status: string;
  caption: string;
}

/** The post as the SQLite file has it (read-only; the server keeps writing). */
export function readScheduledPost(dataDir: string, scheduleId: string): ScheduledPostRow | undefined {
  const db = new Database(join(dataDir, 'maestro.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT schedule_id, scheduled_time, slot_source, status, caption FROM scheduled_posts WHERE schedule_id = ?',
      )
      .get(scheduleId) as ScheduledPostRow | undefined;
  } finally {
    db.close();
  }
}
