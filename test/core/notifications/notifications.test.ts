import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppNotification } from '../../../src-main/core/contract/notifications';
import { diagnosticsCriticalNotice } from '../../../src-main/core/notifications/notification-texts';
import type { Notifier, NotifierMessage } from '../../../src-main/core/ports/notifier';
import { reply } from '../../fakes/fake-openai-server';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';
import { mediaBinaries } from '../../helpers/media-probe';
import { openPublishingHarness, type PublishingHarness } from '../../helpers/publishing-harness';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * Notifications on a real SQLite file: each cause writes its row once, in the transaction of the
 * change that calls for it; the drainer delivers each row once after the commit — through the
 * notifier when its kind is on, quietly when it is off — and across a restart.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function recordingNotifier(): Notifier & { shown: NotifierMessage[] } {
  const shown: NotifierMessage[] = [];
  return { shown, notify: (message) => void shown.push(message) };
}

/** Every `notification` event the core emits, in order. */
function delivered(t: TempCore): AppNotification[] {
  const seen: AppNotification[] = [];
  const stop = t.core.events.subscribe((event) => {
    if (event.stream === 'notification') seen.push(event.payload);
  });
  cleanups.push(stop);
  return seen;
}

async function open(options: Parameters<typeof openTempCore>[0] = {}): Promise<TempCore> {
  const t = await openTempCore(options);
  cleanups.push(() => t.close());
  return t;
}

function rows(t: TempCore) {
  return t.core.store.db.selectFrom('notifications').selectAll().orderBy('id').execute();
}

describe('bursts', () => {
  let h: BurstHarness;
  afterEach(async () => h?.close());

  it('notify once when a burst ends, with its summary and shortfall first, opening the dashboard', async () => {
    const notifier = recordingNotifier();
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 2, postsPerBrand: 0 },
      // Every generation call fails: the burst ends short.
      respond: () => reply.serverError(503),
      core: { notifier },
    });
    const events = delivered(h.t);
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.settled();
    await h.t.core.notifications.settled();

    const [burst] = await h.t.core.store.db.selectFrom('bursts').selectAll().execute();
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]).toMatchObject({
      kind: 'burst_finished',
      severity: 'error',
      title: 'Burst ended short',
      body: burst!.summary,
      route: '/',
    });
    expect(burst!.summary).toMatch(/^0 of 2 written; .*failed call/);
    expect(events).toMatchObject([{ kind: 'burst_finished', shown: true, readAt: null }]);
    expect(await rows(h.t)).toMatchObject([{ dedupe_key: `burst:${burst!.id}` }]);

    // A second burst is a second notification; the first is not told again.
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.settled();
    await h.t.core.notifications.settled();
    expect(notifier.shown).toHaveLength(2);
    expect((await h.t.call('notifications.list', {})).unread).toBe(2);
  });

  it('keep a disabled kind quiet: recorded, listed as read, never shown', async () => {
    const notifier = recordingNotifier();
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 1, postsPerBrand: 0, notifyBurstFinished: false },
      core: { notifier },
    });
    const events = delivered(h.t);
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.settled();
    await h.t.core.notifications.settled();

    expect(notifier.shown).toEqual([]);
    expect(events).toMatchObject([
      { kind: 'burst_finished', severity: 'info', title: 'Burst complete', shown: false },
    ]);
    const list = await h.t.call('notifications.list', {});
    expect(list.unread).toBe(0);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.deliveredAt).not.toBeNull();
    expect(list.items[0]!.readAt).toBe(list.items[0]!.deliveredAt);
  });
});

describe('the drainer', () => {
  const draft = (key: string) => ({
    kind: 'render_failed' as const,
    severity: 'error' as const,
    title: `Render failed ${key}`,
    body: 'Retry it from Jobs.',
    route: '/jobs',
    dedupeKey: key,
  });

  it('delivers only what committed, each row once, even with two drains at the same time', async () => {
    const notifier = recordingNotifier();
    const t = await open({ notifier });
    const { db } = t.core.store;
    await db
      .transaction()
      .execute(async (trx) => {
        await t.core.notifications.write(trx, draft('rolled-back'));
        // A wake inside the transaction finds nothing: the row is not committed (and never will be).
        t.core.notifications.wake();
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await t.core.notifications.settled();
    expect(notifier.shown).toEqual([]);

    await db.transaction().execute(async (trx) => {
      for (const key of ['a', 'b', 'c']) await t.core.notifications.write(trx, draft(key));
      // The same fact again in the same change: one row.
      expect(await t.core.notifications.write(trx, draft('a'))).toBe(false);
    });
    const [first, second] = await Promise.all([t.core.notifications.drain(), t.core.notifications.drain()]);
    expect(first! + second!).toBe(3);
    expect(notifier.shown.map((m) => m.title)).toEqual([
      'Render failed a',
      'Render failed b',
      'Render failed c',
    ]);
    expect(await t.core.notifications.drain()).toBe(0);
    expect(await t.core.notifications.record(draft('b'))).toBe(false);
    await t.core.notifications.settled();
    expect(notifier.shown).toHaveLength(3);
  });

  it('delivers after a restart what a stop left in the outbox, and nothing twice', async () => {
    const dir = makeTempDir();
    cleanups.push(dir.cleanup);
    const before = recordingNotifier();
    const t1 = await openTempCore({ dir: dir.dir, notifier: before });
    await t1.core.store.db.transaction().execute(async (trx) => {
      await t1.core.notifications.write(trx, draft('left-1'));
      await t1.core.notifications.write(trx, draft('left-2'));
    });
    // Stopped before any drain ran (no wake).
    await t1.close();
    expect(before.shown).toEqual([]);

    const after = recordingNotifier();
    // A normal start delivers what is waiting.
    const t2 = await openTempCore({ dir: dir.dir, notifier: after, autoStart: true });
    await t2.core.notifications.settled();
    expect(after.shown.map((m) => m.title)).toEqual(['Render failed left-1', 'Render failed left-2']);
    await t2.close();

    const again = recordingNotifier();
    const t3 = await openTempCore({ dir: dir.dir, notifier: again });
    expect(await t3.core.notifications.drain()).toBe(0);
    expect(again.shown).toEqual([]);
    expect((await t3.call('notifications.list', {})).items).toHaveLength(2);
    await t3.close();
  });

  it('records a notifier that fails in the activity log and does not retry it', async () => {
    const t = await open({
      notifier: {
        notify: () => {
          throw new Error('no notification daemon');
        },
      },
    });
    expect(await t.core.notifications.record(draft('x'))).toBe(true);
    await t.core.notifications.settled();
    const [entry] = await t.call('activity.list', { level: 'error' });
    expect(entry).toMatchObject({ action: 'Could not show a notification' });
    expect(entry!.detail).toContain('no notification daemon');
    expect(await t.core.notifications.drain()).toBe(0);
  });

  it('marks read one notification or all, and lists unread ones newest first', async () => {
    const t = await open();
    for (const key of ['one', 'two', 'three']) await t.core.notifications.record(draft(key));
    await t.core.notifications.settled();
    const { items, unread } = await t.call('notifications.list', {});
    expect(unread).toBe(3);
    expect(items.map((n) => n.title)).toEqual([
      'Render failed three',
      'Render failed two',
      'Render failed one',
    ]);
    expect(await t.call('notifications.markRead', { ids: [items[0]!.id] })).toEqual({ marked: 1, unread: 2 });
    expect((await t.call('notifications.list', { unreadOnly: true })).items.map((n) => n.title)).toEqual([
      'Render failed two',
      'Render failed one',
    ]);
    expect(await t.call('notifications.markRead', {})).toEqual({ marked: 2, unread: 0 });
    expect(await t.call('notifications.markRead', {})).toEqual({ marked: 0, unread: 0 });
  });
});

describe('platform logins', () => {
  const DAY = 86_400_000;

  async function connectedBrand(t: TempCore, expiresAt: string) {
    await t.call('brands.create', sampleBrand);
    t.core.store.sqlite
      .prepare(
        `INSERT INTO platform_connections (brand_id, platform, account_id, account_name, status, expires_at, connected_at, updated_at)
         VALUES (?, 'instagram', '17841400000000001', 'thehealthycollege', 'connected', ?, ?, ?)`,
      )
      .run(sampleBrand.id, expiresAt, t.clock.now().toISOString(), t.clock.now().toISOString());
  }

  it('warn once within 7 days of expiry, then say once that it expired, opening the brand’s connections', async () => {
    const notifier = recordingNotifier();
    const t = await open({ notifier });
    const expiresAt = new Date(t.clock.now().getTime() + 10 * DAY).toISOString();
    await connectedBrand(t, expiresAt);

    await t.call('maestro.runCycle', { id: 'check' });
    await t.core.notifications.settled();
    expect(notifier.shown).toEqual([]);

    t.clock.set(new Date(Date.parse(expiresAt) - 6.5 * DAY));
    for (let i = 0; i < 3; i++) await t.call('maestro.runCycle', { id: 'check' });
    await t.core.notifications.settled();
    expect(notifier.shown).toEqual([
      expect.objectContaining({
        kind: 'token_expiry',
        severity: 'info',
        title: 'Instagram login expires in 7 days',
        route: `/brands/${sampleBrand.id}/edit`,
      }),
    ]);
    expect(notifier.shown[0]!.body).toContain(expiresAt.slice(0, 10));

    t.clock.set(new Date(Date.parse(expiresAt) + 60_000));
    for (let i = 0; i < 3; i++) await t.call('maestro.runCycle', { id: 'check' });
    await t.core.notifications.settled();
    expect(notifier.shown).toHaveLength(2);
    expect(notifier.shown[1]).toMatchObject({
      kind: 'token_expiry',
      severity: 'error',
      title: 'Instagram connection expired',
    });
    expect(notifier.shown[1]!.body).toContain('The Facebook login expired on');
    const [connection] = (await t.call('connections.list', { brandId: sampleBrand.id })).filter(
      (c) => c.platform === 'instagram',
    );
    expect(connection!.status).toBe('expired');
    // The platform refusing the token afterwards changes nothing.
    await t.core.connections.markExpired(sampleBrand.id, 'instagram', 'Error validating access token.');
    await t.core.notifications.settled();
    expect(notifier.shown).toHaveLength(2);
    const [entry] = await t.call('activity.list', { brandId: sampleBrand.id, level: 'error' });
    expect(entry).toMatchObject({ action: 'Instagram connection expired', brandId: sampleBrand.id });
  });

  it('says once that a refused token expired the connection, and again after a reconnect', async () => {
    const notifier = recordingNotifier();
    const t = await open({ notifier });
    await connectedBrand(t, new Date(t.clock.now().getTime() + 50 * DAY).toISOString());
    await t.core.connections.markExpired(sampleBrand.id, 'instagram', 'Error validating access token.');
    await t.core.connections.markExpired(sampleBrand.id, 'instagram', 'Error validating access token.');
    await t.core.notifications.settled();
    expect(notifier.shown.map((m) => m.title)).toEqual(['Instagram connection expired']);

    // A reconnect is a new connection: its later expiry is news again.
    t.clock.advance(DAY);
    t.core.store.sqlite
      .prepare(`UPDATE platform_connections SET status = 'connected', connected_at = ? WHERE brand_id = ?`)
      .run(t.clock.now().toISOString(), sampleBrand.id);
    await t.core.connections.markExpired(sampleBrand.id, 'instagram', 'The session was invalidated.');
    await t.core.notifications.settled();
    expect(notifier.shown.map((m) => m.title)).toEqual([
      'Instagram connection expired',
      'Instagram connection expired',
    ]);
  });
});

describe('renders and diagnostics', () => {
  it('notify a render that failed for good once, with what to do, opening Jobs', async () => {
    const dir = makeTempDir();
    cleanups.push(dir.cleanup);
    const ffmpeg = join(dir.dir, 'ffmpeg');
    writeFileSync(ffmpeg, '#!/bin/sh\necho "Error while opening encoder" >&2\nexit 1\n');
    chmodSync(ffmpeg, 0o755);
    const notifier = recordingNotifier();
    const t = await open({
      notifier,
      startRenderQueue: true,
      mediaBinaries: { ffmpeg, ffprobe: mediaBinaries().ffprobe },
      render: { sleep: async () => undefined },
    });
    await t.call('brands.create', sampleBrand);
    const job = await t.call('jobs.create', {
      brandId: sampleBrand.id,
      variant: 'dark',
      title: 'WHY MAGNESIUM CHANGES YOUR SLEEP',
      contentLines: ['Magnesium - calms the nervous system', 'Sleep - repairs the body'],
    });
    await t.core.jobs.queue.idle();
    await t.call('maestro.runCycle', { id: 'healing' });
    await t.call('maestro.runCycle', { id: 'healing' });
    await t.core.notifications.settled();
    expect(notifier.shown).toEqual([
      expect.objectContaining({ kind: 'render_failed', severity: 'error', route: '/jobs' }),
    ]);
    expect(notifier.shown[0]!.body).toContain('WHY MAGNESIUM CHANGES YOUR SLEEP');
    expect(notifier.shown[0]!.body).toContain('Started by hand');
    const [row] = await rows(t);
    expect(row).toMatchObject({ brand_id: sampleBrand.id, dedupe_key: expect.stringContaining(job.id) });
  });

  it('tell the diagnostics turning critical once, with the failing checks, opening Diagnostics', async () => {
    // Without FFmpeg and without an LLM key, two checks fail (degraded); the data file moved
    // away while the app runs fails a third: critical.
    const notifier = recordingNotifier();
    const t = await open({
      notifier,
      mediaBinaries: { ffmpeg: '/nowhere/ffmpeg', ffprobe: '/nowhere/ffprobe' },
    });
    expect((await t.call('diagnostics.run', {})).status).toBe('degraded');
    const file = join(t.dir, 'maestro.db');
    renameSync(file, join(t.dir, 'moved.db'));
    try {
      expect((await t.call('diagnostics.run', {})).status).toBe('critical');
      // Still critical: not told again.
      expect((await t.call('diagnostics.run', {})).status).toBe('critical');
    } finally {
      renameSync(join(t.dir, 'moved.db'), file);
    }
    await t.core.notifications.settled();
    expect(notifier.shown).toEqual([
      expect.objectContaining({
        kind: 'diagnostics_critical',
        severity: 'error',
        title: 'Maestro needs attention',
        route: '/diagnostics',
      }),
    ]);
    expect(notifier.shown[0]!.body).toMatch(
      /^3 checks failing: db connection, content pipeline, api connectivity\. db connection: /,
    );
  });

  it('tell the diagnostics turning critical once per run, through the seam the diagnostics call', async () => {
    const notifier = recordingNotifier();
    const t = await open({ notifier });
    const notice = diagnosticsCriticalNotice({
      runId: 41,
      failing: [
        { name: 'Database', detail: 'the data file cannot be opened' },
        { name: 'FFmpeg', detail: 'not found at /nowhere/ffmpeg' },
      ],
    });
    expect(await t.core.notifications.record(notice)).toBe(true);
    expect(await t.core.notifications.record(notice)).toBe(false);
    await t.core.notifications.settled();
    expect(notifier.shown).toEqual([
      {
        id: expect.any(Number),
        kind: 'diagnostics_critical',
        severity: 'error',
        title: 'Maestro needs attention',
        body: '2 checks failing: Database, FFmpeg. Database: the data file cannot be opened Open Diagnostics for what to do.',
        route: '/diagnostics',
      },
    ]);
  });
});

describe('publishing', () => {
  let h: PublishingHarness;
  afterEach(async () => h?.close());

  it('notifies a platform that failed for good once, opening the post; a retry that succeeds adds nothing', async () => {
    h = await openPublishingHarness();
    const events = delivered(h.t);
    const item = await h.render({ variant: 'dark', title: 'THE TRUTH ABOUT CINNAMON AND YOUR HEART' });
    h.meta.scriptNextContainers({
      inProgressPolls: 1,
      error: { subcode: 2207026, message: 'Unsupported video format' },
    });
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    await h.publishUntilSettled(item.scheduleId);
    await h.t.core.notifications.settled();
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'publish_failed',
        severity: 'error',
        title: 'Instagram publish failed',
        route: `/calendar?item=${item.scheduleId}`,
        brandId: 'healthy-college',
        shown: true,
      }),
    ]);
    expect(events[0]!.body).toContain('THE TRUTH ABOUT CINNAMON AND YOUR HEART');
    expect(events[0]!.body).toContain('2207026');

    await h.t.call('calendar.retry', { scheduleId: item.scheduleId, platform: 'instagram' });
    expect((await h.publishUntilSettled(item.scheduleId)).status).toBe('published');
    await h.t.core.notifications.settled();
    expect(events).toHaveLength(1);
    // The publishing entries carry the brand: the feed filters by it.
    const published = await h.t.call('activity.list', { brandId: 'healthy-college', level: 'action' });
    expect(published.map((e) => e.action)).toContain('Published on Instagram');
  });
});
