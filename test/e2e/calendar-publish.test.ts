import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarItem } from '@contract';
import { startFakeMeta, type FakeMeta } from '../fakes/fake-meta-server';
import { callOperation, startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { addDays, postBlock } from './calendar-helpers';
import { launchBrowser, makeDataDir, saveFailureScreenshot } from './helpers';

const BRAND = 'healthy';
const IG = '17841400000000001';
const USER_TOKEN = 'fake-user-token-calendar-publish-0001';

/** The next Wednesday after today: a day whose week also holds the Thursday after it. */
function nextWednesday(): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 3);
  return d.toISOString().slice(0, 10);
}

/**
 * A post is dragged in the week view to another day, a few seconds ahead of the server's clock;
 * it publishes then, and the SQLite file and the fake Instagram agree on when. The server's and
 * the fake's clocks start at the same chosen instant (the server's --clock-start) and run at real
 * speed, so the test waits seconds, not hours. Times are Europe/Lisbon (UTC+0 in winter).
 */
describe('Calendar journey: a dragged post publishes at its new time', () => {
  const day = nextWednesday();
  const dataDir = makeDataDir();
  let meta: FakeMeta;
  let clockStart = Date.parse(`${day}T10:00:00Z`);
  let realStart = Date.now();
  let server: ServeProcess;
  let browser: Browser;
  let env: Record<string, string>;

  const serverClockArg = () => ['--clock-start', new Date(clockStart).toISOString()];
  async function call<T>(name: string, body: unknown): Promise<T> {
    const { body: result } = await callOperation(server.base, server.token, name, body);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }
  function read<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(join(dataDir, 'maestro.db'), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  async function restartAt(iso: string): Promise<void> {
    await server.stop();
    clockStart = Date.parse(iso);
    realStart = Date.now();
    server = await startServeProcess(dataDir, serverClockArg(), env);
  }

  beforeAll(async () => {
    meta = await startFakeMeta({
      now: () => new Date(clockStart + (Date.now() - realStart)),
      users: [{ id: '2000000000000001', name: 'Creator', token: USER_TOKEN }],
      pages: [
        {
          id: '3000000000000001',
          name: 'Healthy College',
          accessToken: 'fake-page-token-calendar',
          instagram: { id: IG, username: 'thehealthycollege' },
        },
      ],
      processingPolls: { video: 0, image: 0, carousel: 0, facebookReel: 0 },
    });
    env = { MAESTRO_GRAPH_URL: meta.baseUrl, MAESTRO_RUPLOAD_URL: meta.baseUrl };
    realStart = Date.now();
    server = await startServeProcess(dataDir, serverClockArg(), env);
    await call('settings.set', { values: { metaAppId: meta.app.id, burstTimeZone: 'Europe/Lisbon' } });
    await call('secrets.set', { key: 'meta.appSecret', value: meta.app.secret });
    await call('brands.create', {
      id: BRAND,
      displayName: 'The Healthy College',
      colors: { primary: '#004f00', accent: '#dcf6c8' },
      scheduleOffset: 0,
      publishing: {
        platforms: ['instagram'],
        youtubePrivacy: 'public',
        youtubeNotifySubscribers: false,
        youtubeShortsTag: true,
        firstComment: null,
      },
    });
    await call('connections.connectMeta', { brandId: BRAND, userToken: USER_TOKEN });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await meta?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drags the post to another day in the week view; it publishes then, once', async () => {
    // Three dark reels at 10:00: they take today's 12:00 and 20:00 and tomorrow's 04:00.
    for (const title of ['MAGNESIUM AND YOUR SLEEP', 'GINGER AND YOUR JOINTS', 'WALKING AND YOUR HEART']) {
      const job = await call<{ id: string }>('jobs.create', {
        brandId: BRAND,
        variant: 'dark',
        title,
        contentLines: ['Morning light - sets your clock', 'Magnesium - calms the nerves'],
        caption: `${title}: a caption. #health`,
      });
      for (
        let i = 0;
        i < 240 && read('SELECT 1 FROM scheduled_posts WHERE job_id = ?', job.id).length === 0;
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const posts = read<{ schedule_id: string; scheduled_time: string; caption: string }>(
      'SELECT schedule_id, scheduled_time, caption FROM scheduled_posts ORDER BY scheduled_time',
    );
    expect(posts.map((p) => p.scheduled_time)).toEqual([
      `${day}T12:00:00.000Z`,
      `${day}T20:00:00.000Z`,
      `${addDays(day, 1)}T04:00:00.000Z`,
    ]);
    const moving = posts[2]!;

    // The same data, the clock just before 10:15 today: nothing is due until 12:00.
    await restartAt(`${day}T10:14:30Z`);
    const p: Page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await p.goto(server.url);
      await p.goto(`${server.base}/#/calendar`);
      await p.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
      await p.locator('.calendar-shell').getByText('Week', { exact: true }).click();
      // Every [role=cell] with the date: the all-day cell and the day's lane; the lane is the tall one.
      const column = p.locator(`.calendar-shell [role="cell"][data-date="${day}"]`);
      for (let i = 0; i < 6 && (await column.count()) === 0; i++) {
        await p.getByRole('button', { name: /^Next/ }).first().click();
      }
      await column.first().waitFor();
      const block = postBlock(p, moving.schedule_id);
      await block.scrollIntoViewIfNeeded();
      const from = (await block.boundingBox())!;
      // The 10:00 row: its lower half is 10:15–10:30 (the calendar snaps to 15 minutes).
      const slot = p.locator('.calendar-shell [data-time="10:00:00"]').last();
      await slot.scrollIntoViewIfNeeded();
      const row = (await slot.boundingBox())!;
      const boxes = await Promise.all((await column.all()).map((cell) => cell.boundingBox()));
      const col = boxes.filter((b) => b !== null).sort((a, b) => b!.height - a!.height)[0]!;
      const grab = { x: from.x + from.width / 2, y: from.y + 3 };
      await p.mouse.move(grab.x, grab.y);
      await p.mouse.down();
      await p.mouse.move(grab.x + 10, grab.y + 10, { steps: 4 });
      await p.mouse.move(col.x + col.width / 2, row.y + row.height * 0.6, { steps: 25 });
      await p.mouse.up();

      await expect
        .poll(
          () =>
            read<{ scheduled_time: string }>(
              'SELECT scheduled_time FROM scheduled_posts WHERE schedule_id = ?',
              moving.schedule_id,
            )[0]!.scheduled_time,
          { timeout: 10_000 },
        )
        .toBe(`${day}T10:15:00.000Z`);
      // Published at 10:15 server time, some seconds from now.
      await expect
        .poll(
          () =>
            read<{ status: string }>(
              'SELECT status FROM scheduled_posts WHERE schedule_id = ?',
              moving.schedule_id,
            )[0]!.status,
          { timeout: 90_000, interval: 500 },
        )
        .toBe('published');
    } catch (error) {
      await saveFailureScreenshot(p, 'calendar-publish');
      throw error;
    }

    const [row] = read<{ scheduled_time: string; published_at: string }>(
      'SELECT scheduled_time, published_at FROM scheduled_posts WHERE schedule_id = ?',
      moving.schedule_id,
    );
    const media = meta.publishedInstagram(IG).filter((m) => m.caption === moving.caption);
    expect(media).toHaveLength(1);
    const platformTime = media[0]!.timestamp.getTime();
    const slotTime = Date.parse(row!.scheduled_time);
    // Not before its slot, and within moments of it; the file's publish time is the platform's.
    expect(platformTime).toBeGreaterThanOrEqual(slotTime);
    expect(platformTime - slotTime).toBeLessThan(30_000);
    expect(Math.abs(Date.parse(row!.published_at) - platformTime)).toBeLessThan(5_000);
    const item = await call<CalendarItem>('calendar.get', { scheduleId: moving.schedule_id });
    expect(item.targets[0]).toMatchObject({ status: 'published', externalId: media[0]!.id });
    // The two other posts were left alone.
    expect(meta.publishedInstagram(IG)).toHaveLength(1);
    // Three real renders, a restart and half a minute of waiting for the slot: past the 60 s default on a busy runner.
  }, 180_000);
});
