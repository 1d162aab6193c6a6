import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CalendarItem } from '../../src-main/core/contract/publishing';
import { manualClock } from '../../src-main/core/ports/clock';
import { seededRandom } from '../../src-main/core/ports/random';
import {
  googleEnv,
  startFakeGoogle,
  type FakeGoogle,
  type FakeGoogleOptions,
} from '../fakes/fake-google-server';
import { startFakeMeta, type FakeMeta, type FakeMetaOptions } from '../fakes/fake-meta-server';
import { startFakeS3, type FakeS3 } from '../fakes/fake-s3-server';
import { openTempCore, type TempCore } from './temp-core';

export const BRAND = 'healthy-college';
export const PAGE_ID = '3000000000000001';
export const IG_ID = '17841400000000001';
export const USER_TOKEN = 'fake-user-token-publishing-0001';

export interface PublishingHarness {
  t: TempCore;
  meta: FakeMeta;
  /** Present when the harness was opened with `google`: the brand's YouTube is connected. */
  google: FakeGoogle | null;
  /** Present when opened with `mediaHost`: the S3-compatible bucket is configured. */
  s3: FakeS3 | null;
  clock: ReturnType<typeof manualClock>;
  query<T>(sql: string, ...params: unknown[]): T[];
  /** Queues a render, waits for it, places it on the calendar; returns its calendar item. */
  render(input: {
    variant: 'dark' | 'light' | 'post';
    title: string;
    lines?: string[];
  }): Promise<CalendarItem>;
  /** Runs publishing rounds, moving the clock past each wait, until the post has settled. */
  publishUntilSettled(scheduleId: string, maxRounds?: number): Promise<CalendarItem>;
  close(): Promise<void>;
}

const reelLines = [
  'Morning light - sets your internal clock',
  'Magnesium - supports hundreds of enzyme reactions',
  'Walking after meals - steadies blood sugar',
];
const slides = [
  'Sleep is built during the day. Light, movement and meals set the clock that decides how you sleep.',
  'Keep the last meal two to three hours before bed and the room cool and dark.',
];

/**
 * A real core (real SQLite, real FFmpeg renders) whose Graph and rupload hosts are the fake
 * Meta server, with one brand connected from a pasted user token. The clock is manual so
 * processing polls and back-offs pass without waiting.
 */
export async function openPublishingHarness(
  options: {
    meta?: FakeMetaOptions;
    google?: FakeGoogleOptions;
    mediaHost?: boolean;
    env?: Record<string, string>;
    platforms?: string[];
  } = {},
): Promise<PublishingHarness> {
  const clock = manualClock('2026-11-25T10:00:00.000Z');
  const meta = await startFakeMeta({
    now: () => clock.now(),
    users: [{ id: '2000000000000001', name: 'Creator', token: USER_TOKEN }],
    pages: [
      {
        id: PAGE_ID,
        name: 'Healthy College',
        accessToken: 'fake-page-token-healthy',
        instagram: { id: IG_ID, username: 'thehealthycollege' },
      },
    ],
    ...options.meta,
  });
  const google = options.google ? await startFakeGoogle({ now: () => clock.now(), ...options.google }) : null;
  const s3 = options.mediaHost ? await startFakeS3({ now: () => clock.now() }) : null;
  const t = await openTempCore({
    clock,
    random: seededRandom(7),
    env: {
      MAESTRO_GRAPH_URL: meta.baseUrl,
      MAESTRO_RUPLOAD_URL: meta.baseUrl,
      ...(google ? googleEnv(google) : {}),
      ...(s3 ? { MAESTRO_MEDIA_HOST_URL: s3.baseUrl } : {}),
      ...options.env,
    },
  });
  await t.call('brands.create', {
    id: BRAND,
    displayName: 'The Healthy College',
    instagramHandle: '@thehealthycollege',
    colors: { primary: '#004f00', accent: '#dcf6c8' },
    scheduleOffset: 0,
    publishing: {
      platforms: (options.platforms ?? ['instagram', 'facebook']) as never,
      youtubePrivacy: 'public',
      youtubeNotifySubscribers: false,
      youtubeShortsTag: true,
      firstComment: null,
    },
  });
  // Saved too, so a test that blanks the environment override still reaches the fake.
  await t.call('settings.set', {
    values: {
      metaAppId: meta.app.id,
      renderConcurrency: 2,
      graphBaseUrl: meta.baseUrl,
      ruploadBaseUrl: meta.baseUrl,
    },
  });
  await t.call('secrets.set', { key: 'meta.appSecret', value: meta.app.secret });
  await t.call('connections.connectMeta', { brandId: BRAND, userToken: USER_TOKEN });
  if (google) {
    await t.call('settings.set', { values: { googleClientId: google.client.clientId } });
    await t.call('secrets.set', { key: 'google.clientSecret', value: google.client.clientSecret });
    const { authUrl } = await t.call('connections.youtubeBegin', { brandId: BRAND });
    // What the system browser does: Google redirects to the app's loopback listener.
    const page = await fetch(authUrl);
    expect(page.status).toBe(200);
    const youtube = (await t.call('connections.list', { brandId: BRAND })).find(
      (c) => c.platform === 'youtube',
    );
    expect(youtube?.status).toBe('connected');
  }
  if (s3) {
    await t.call('settings.set', {
      values: { mediaHostBucket: 'maestro-media', mediaHostAccessKeyId: s3.credentials.accessKeyId },
    });
    await t.call('secrets.set', { key: 'mediaHost.secretAccessKey', value: s3.credentials.secretAccessKey });
  }
  const file = join(t.dir, 'maestro.db');
  const harness: PublishingHarness = {
    t,
    meta,
    google,
    s3,
    clock,
    query<T>(sql: string, ...params: unknown[]) {
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async render({ variant, title, lines }) {
      const job = await t.call('jobs.create', {
        brandId: BRAND,
        variant,
        title,
        contentLines: lines ?? (variant === 'post' ? slides : reelLines),
        caption: `${title}\n\nA caption written for the brand. #sleep #health`,
      });
      await t.core.jobs.queue.idle();
      expect((await t.call('jobs.get', { id: job.id })).status).toBe('completed');
      await t.core.publishing.publisher.runDue();
      const placed = harness.query<{ schedule_id: string }>(
        'SELECT schedule_id FROM scheduled_posts WHERE job_id = ?',
        job.id,
      );
      expect(placed).toHaveLength(1);
      return t.call('calendar.get', { scheduleId: placed[0]!.schedule_id });
    },
    async publishUntilSettled(scheduleId, maxRounds = 40) {
      for (let round = 0; round < maxRounds; round++) {
        await t.core.publishing.publisher.runDue();
        const item = await t.call('calendar.get', { scheduleId });
        if (
          item.targets.every(
            (target) => !['uploading', 'processing'].includes(target.status) && !target.nextAttemptAt,
          )
        ) {
          return item;
        }
        const next = item.targets
          .map((target) => (target.nextAttemptAt ? Date.parse(target.nextAttemptAt) : Number.NaN))
          .filter(Number.isFinite);
        clock.set(new Date(Math.max(clock.now().getTime() + 1_000, ...next)));
      }
      throw new Error(`${scheduleId} did not settle in ${maxRounds} rounds`);
    },
    async close() {
      t.core.connections.close();
      await t.close();
      await meta.close();
      await google?.close();
      await s3?.close();
    },
  };
  return harness;
}
