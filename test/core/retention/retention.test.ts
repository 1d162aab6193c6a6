import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../src-main/core/activity/activity-log';
import { isRetentionDue, retentionCutoffs } from '../../../src-main/core/retention/retention-plan';
import { RetentionService } from '../../../src-main/core/retention/retention-service';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

describe('retention settings', () => {
  it('turns ages into cutoffs at now, 0 keeping everything', () => {
    expect(
      retentionCutoffs(new Date('2026-11-25T10:00:00.000Z'), {
        retentionActivityDays: 90,
        retentionUsageDays: 7,
        retentionMetricSnapshotsDays: 0,
      }),
    ).toEqual({
      activity: '2026-08-27T10:00:00.000Z',
      usage: '2026-11-18T10:00:00.000Z',
      metricSnapshots: null,
    });
  });

  it('runs once per local day', () => {
    expect(isRetentionDue('2026-11-25', null)).toBe(true);
    expect(isRetentionDue('2026-11-25', '2026-11-24')).toBe(true);
    expect(isRetentionDue('2026-11-25', '2026-11-25')).toBe(false);
  });

  it('refuses ages shorter than what the app still reads', async () => {
    const t = await openTempCore();
    try {
      for (const values of [
        { retentionUsageDays: 3 },
        { retentionMetricSnapshotsDays: 30 },
        { retentionActivityDays: -1 },
      ]) {
        expect((await t.invoke('settings.set', { values })).ok, JSON.stringify(values)).toBe(false);
      }
      expect((await t.invoke('settings.set', { values: { retentionActivityDays: 0 } })).ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('the retention pruner', () => {
  let t: TempCore;
  const NOW = '2026-11-25T10:00:00.000Z';
  const daysAgo = (days: number, hour = 9) =>
    new Date(Date.parse(NOW) - days * 86_400_000 - (10 - hour) * 3_600_000).toISOString();

  beforeEach(async () => {
    t = await openTempCore({ start: NOW });
    await t.call('settings.set', {
      values: { retentionActivityDays: 30, retentionUsageDays: 30, retentionMetricSnapshotsDays: 60 },
    });
    const sqlite = t.core.store.sqlite;
    sqlite.exec('DELETE FROM activity_log');
    const activity = sqlite.prepare(
      "INSERT INTO activity_log (at, action, detail, level) VALUES (?, 'Old news', 'kept as a total', ?)",
    );
    // 23 entries 40 days ago (20 'action', 3 'error'), 2 from yesterday.
    for (let i = 0; i < 20; i++) activity.run(daysAgo(40), 'action');
    for (let i = 0; i < 3; i++) activity.run(daysAgo(40, 11), 'error');
    activity.run(daysAgo(1), 'action');
    activity.run(daysAgo(1), 'action');
    const usage = sqlite.prepare(
      `INSERT INTO api_usage (service, operation, model, tokens_in, tokens_out, latency_ms, outcome, cost_usd, created_at)
       VALUES ('llm', 'proposal.generate', ?, 100, 50, 1000, 'ok', 0.25, ?)`,
    );
    for (let i = 0; i < 12; i++) usage.run('deepseek-chat', daysAgo(31));
    usage.run(null, daysAgo(31));
    usage.run('deepseek-chat', daysAgo(2));
    sqlite
      .prepare(
        `INSERT INTO brands (id, display_name, short_name, schedule_offset, posts_per_day, colors, created_at, updated_at)
         VALUES ('b1', 'B1', 'B1', 0, 6, '{"primary":"#000000","accent":"#ffffff"}', ?, ?)`,
      )
      .run(NOW, NOW);
    sqlite
      .prepare(
        `INSERT INTO post_performance (platform, media_id, brand_id, content_type, published_at)
         VALUES ('instagram', 'm1', 'b1', 'reel', ?)`,
      )
      .run(daysAgo(70));
    const snapshot = sqlite.prepare(
      `INSERT INTO metric_snapshots (platform, media_id, stamp, views, likes, fetched_at) VALUES ('instagram', 'm1', ?, ?, ?, ?)`,
    );
    snapshot.run('24h', 100, 10, daysAgo(69));
    snapshot.run('48h', 150, 12, daysAgo(68));
    snapshot.run('7d', 400, 30, daysAgo(59));
  });
  afterEach(async () => {
    await t.close();
  });

  /** A pruner on the test's core, with batches this small to see several. */
  const pruner = (batchSize: number, activity = new ActivityLog(t.core.store.db, t.clock, t.core.events)) =>
    new RetentionService({
      db: t.core.store.db,
      clock: t.clock,
      settings: { values: () => t.call('settings.get', {}) } as never,
      activity,
      batchSize,
    });
  const count = (table: string) =>
    (t.core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('removes what is older than each age in small batches and keeps its daily totals', async () => {
    const retention = pruner(5);
    const report = await retention.run(t.clock.now());
    expect(report).toEqual({ activity: 23, usage: 13, metricSnapshots: 2 });
    expect(count('activity_log')).toBe(3); // yesterday's two and the run's own entry
    expect(
      t.core.store.sqlite.prepare('SELECT day, level, entries FROM activity_daily ORDER BY level').all(),
    ).toEqual([
      { day: daysAgo(40).slice(0, 10), level: 'action', entries: 20 },
      { day: daysAgo(40).slice(0, 10), level: 'error', entries: 3 },
    ]);
    expect(
      t.core.store.sqlite
        .prepare(
          'SELECT model, calls, tokens_in, tokens_out, latency_ms, cost_usd FROM api_usage_daily ORDER BY model',
        )
        .all(),
    ).toEqual([
      { model: '', calls: 1, tokens_in: 100, tokens_out: 50, latency_ms: 1000, cost_usd: 0.25 },
      { model: 'deepseek-chat', calls: 12, tokens_in: 1200, tokens_out: 600, latency_ms: 12000, cost_usd: 3 },
    ]);
    expect(count('api_usage')).toBe(1);
    expect(
      t.core.store.sqlite
        .prepare('SELECT brand_id, stamp, snapshots, views, likes FROM metric_snapshots_daily ORDER BY stamp')
        .all(),
    ).toEqual([
      { brand_id: 'b1', stamp: '24h', snapshots: 1, views: 100, likes: 10 },
      { brand_id: 'b1', stamp: '48h', snapshots: 1, views: 150, likes: 12 },
    ]);
    expect(count('metric_snapshots')).toBe(1);
    // Searches no longer find what was removed.
    expect((await t.call('activity.list', { search: 'old news' })).map((e) => e.at)).toEqual([
      daysAgo(1),
      daysAgo(1),
    ]);
    const entry = (await t.call('activity.list', { limit: 1 }))[0]!;
    expect(entry.action).toBe('Old detail tidied away');
  });

  it('keeps at most the newest N activity entries, whatever their age, with their totals', async () => {
    await t.call('settings.set', { values: { retentionActivityDays: 0, retentionActivityMaxRows: 1_000 } });
    const sqlite = t.core.store.sqlite;
    const insert = sqlite.prepare(
      "INSERT INTO activity_log (at, action, detail, level) VALUES (?, 'Recent', 'within any age', 'detail')",
    );
    // 1,200 more entries from today: 1,226 in all (with the settings change's own entry).
    for (let i = 0; i < 1_200; i++) insert.run(daysAgo(0, 8));
    expect(count('activity_log')).toBe(1_226);
    const newest = (sqlite.prepare('SELECT max(id) AS id FROM activity_log').get() as { id: number }).id;
    const retention = pruner(100);
    const report = await retention.run(t.clock.now());
    // The activity age is off: only the size bound removed entries (the oldest 226).
    expect(report.activity).toBe(226);
    // The newest 1,000 stay, with the run's own entry after them.
    const kept = sqlite
      .prepare('SELECT min(id) AS low, count(*) AS n FROM activity_log WHERE id <= ?')
      .get(newest);
    expect(kept).toEqual({ low: newest - 999, n: 1_000 });
    expect(count('activity_log')).toBe(1_001);
    const totals = sqlite.prepare('SELECT sum(entries) AS n FROM activity_daily').get() as { n: number };
    expect(totals.n).toBe(226);
    const [entry] = await t.call('activity.list', { limit: 1 });
    expect(entry!.detail).toContain('226 of the entries beyond the newest 1,000 kept');
    // The next run keeps the newest 1,000 again: the run's own entry pushed out one more.
    expect((await retention.run(t.clock.now())).activity).toBe(1);
  });

  it('refuses an activity bound too small to be useful', async () => {
    expect((await t.invoke('settings.set', { values: { retentionActivityMaxRows: 999 } })).ok).toBe(false);
    expect((await t.invoke('settings.set', { values: { retentionActivityMaxRows: 0 } })).ok).toBe(true);
  });

  it('yields between batches, so a request made meanwhile is answered before the run ends', async () => {
    const retention = pruner(2, { record: async () => undefined } as never);
    const order: string[] = [];
    const run = retention.run(t.clock.now()).then(() => order.push('retention done'));
    const read = t.call('brands.list', {}).then(() => order.push('list answered'));
    await Promise.all([run, read]);
    expect(order).toEqual(['list answered', 'retention done']);
  });

  it('runs once per local day through runDue, and 0 days keeps everything', async () => {
    await t.call('settings.set', {
      values: { retentionActivityDays: 0, retentionUsageDays: 0, retentionMetricSnapshotsDays: 0 },
    });
    expect(await t.core.retention.runDue(t.clock.now())).toEqual({
      activity: 0,
      usage: 0,
      metricSnapshots: 0,
    });
    expect(count('activity_log')).toBeGreaterThan(20);
    expect(await t.core.retention.runDue(t.clock.now())).toBeNull();
    t.clock.advance(86_400_000);
    await t.call('settings.set', { values: { retentionActivityDays: 30 } });
    expect((await t.core.retention.runDue(t.clock.now()))?.activity).toBe(23);
  });
});
