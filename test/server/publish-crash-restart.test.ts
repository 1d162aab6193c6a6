import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { googleEnv, startFakeGoogle, type FakeGoogle } from '../fakes/fake-google-server';
import { startFakeMeta, type FakeMeta } from '../fakes/fake-meta-server';
import { callOperation, startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { makeTempDir } from '../helpers/temp-dir';

const BRAND = 'crash-brand';
const PAGE = '3000000000000001';
const IG = '17841400000000001';
const USER_TOKEN = 'fake-user-token-crash-0001';
const FIRST_COMMENT = 'Save this for later.';

const temp = makeTempDir();
const file = join(temp.dir, 'maestro.db');
let meta: FakeMeta;
let google: FakeGoogle;
let server: ServeProcess;
let env: Record<string, string>;

function read<T>(sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function ok<T = unknown>(name: string, body: unknown): Promise<T> {
  const { status, body: result } = await callOperation(server.base, server.token, name, body);
  if (status !== 200) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value as T;
}

/** A finished render placed on the calendar; returns its schedule id and captions. */
async function renderScheduled(variant: 'dark' | 'post', title: string) {
  const job = await ok<{ id: string }>('jobs.create', {
    brandId: BRAND,
    variant,
    title,
    contentLines:
      variant === 'post'
        ? ['Light in the morning sets the clock that decides your sleep.', 'Eat the last meal early.']
        : [
            'Morning light - sets your clock',
            'Magnesium - calms the nerves',
            'Walking - steadies blood sugar',
          ],
    caption: `${title}\n\nWritten for this test. #sleep`,
  });
  await vi.waitFor(
    () => expect(read('SELECT schedule_id FROM scheduled_posts WHERE job_id = ?', job.id)).toHaveLength(1),
    { timeout: 60_000, interval: 50 },
  );
  const [post] = read<{ schedule_id: string; caption: string; facebook_caption: string }>(
    'SELECT schedule_id, caption, facebook_caption FROM scheduled_posts WHERE job_id = ?',
    job.id,
  );
  return post!;
}

beforeAll(async () => {
  meta = await startFakeMeta({
    users: [{ id: '2000000000000001', name: 'Creator', token: USER_TOKEN }],
    pages: [
      {
        id: PAGE,
        name: 'Crash Page',
        accessToken: 'fake-page-token-crash',
        instagram: { id: IG, username: 'crash_brand' },
      },
    ],
    // Processing answers at once: the test is about crashes, not waiting.
    processingPolls: { video: 0, image: 0, carousel: 0, facebookReel: 0 },
  });
  // A granted quota extension: the default 10,000 units a day allow only six uploads.
  google = await startFakeGoogle({ processingPolls: 0, quota: { dailyUnits: 1_000_000 } });
  env = {
    MAESTRO_GRAPH_URL: meta.baseUrl,
    MAESTRO_RUPLOAD_URL: meta.baseUrl,
    ...googleEnv(google),
  };
  server = await startServeProcess(temp.dir, [], env);
  await ok('settings.set', {
    values: { metaAppId: meta.app.id, googleClientId: google.client.clientId, renderConcurrency: 2 },
  });
  await ok('secrets.set', { key: 'meta.appSecret', value: meta.app.secret });
  await ok('secrets.set', { key: 'google.clientSecret', value: google.client.clientSecret });
  await ok('brands.create', {
    id: BRAND,
    displayName: 'Crash Brand',
    colors: { primary: '#123456', accent: '#abcdef' },
    publishing: {
      platforms: ['instagram', 'facebook', 'youtube'],
      youtubePrivacy: 'public',
      youtubeNotifySubscribers: false,
      youtubeShortsTag: true,
      firstComment: FIRST_COMMENT,
    },
  });
  await ok('connections.connectMeta', { brandId: BRAND, userToken: USER_TOKEN });
  // The system browser's part of Google sign-in: the consent redirects to the server's loopback.
  const { authUrl } = await ok<{ authUrl: string }>('connections.youtubeBegin', { brandId: BRAND });
  expect((await fetch(authUrl)).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  await meta?.close();
  await google?.close();
  temp.cleanup();
});

/**
 * SIGKILL at every step of a publish: the fake holds the chosen call (after acting on it, so the
 * answer is lost with the process), the test kills the server, starts it again, and waits for
 * the post to be published. The fake's records then show each platform's post, and its first
 * comment, exactly once.
 */
describe('a publish killed at every step, then restarted', () => {
  it.each([
    ['reel', 'ig.media.create'],
    ['reel', 'rupload.ig'],
    ['reel', 'ig.container.get'],
    ['reel', 'ig.media_publish'],
    ['reel', 'ig.comments.create'],
    ['reel', 'fb.video_reels.start'],
    ['reel', 'rupload.fb'],
    ['reel', 'fb.video_reels.finish'],
    ['reel', 'fb.video.get'],
    ['reel', 'fb.comments.create'],
    ['reel', 'youtube.videos.insert'],
    ['reel', 'youtube.videos.upload'],
    ['reel', 'youtube.thumbnails.set'],
    ['reel', 'youtube.commentThreads.insert'],
    ['carousel', 'fb.photos.create'],
    ['carousel', 'fb.feed.create'],
  ] as const)('%s killed during %s: published exactly once on each platform', async (kind, endpoint) => {
    const post = await renderScheduled(
      kind === 'reel' ? 'dark' : 'post',
      `KILLED DURING ${endpoint.replace(/[._]/g, ' ').toUpperCase()} ${kind.toUpperCase()} TEST`,
    );
    if (kind === 'carousel') {
      await ok('calendar.update', { scheduleId: post.schedule_id, patch: { platforms: ['facebook'] } });
    }
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    let release!: () => void;
    const hold = {
      kind: 'hold' as const,
      when: 'after' as const,
      held,
      release: new Promise<void>((resolve) => (release = resolve)),
    };
    if (endpoint.startsWith('youtube.')) google.failNext(endpoint, 1, hold);
    else meta.failNext(endpoint, 1, hold);
    await ok('calendar.publishNow', { scheduleId: post.schedule_id });
    await holding;
    server.child.kill('SIGKILL');
    await server.exited;
    release();

    server = await startServeProcess(temp.dir, [], env);
    await vi.waitFor(
      () =>
        expect(read('SELECT status FROM scheduled_posts WHERE schedule_id = ?', post.schedule_id)).toEqual([
          { status: 'published' },
        ]),
      { timeout: 60_000, interval: 100 },
    );
    if (kind === 'reel') {
      const media = meta.publishedInstagram(IG).filter((m) => m.caption === post.caption);
      expect(media).toHaveLength(1);
      expect(meta.comments(media[0]!.id).map((c) => c.message)).toEqual([FIRST_COMMENT]);
      const reels = meta.publishedReels(PAGE).filter((r) => r.description === post.facebook_caption);
      expect(reels).toHaveLength(1);
      expect(meta.comments(reels[0]!.id).map((c) => c.message)).toEqual([FIRST_COMMENT]);
      const [youtube] = read<{ external_id: string }>(
        "SELECT external_id FROM publish_targets WHERE schedule_id = ? AND platform = 'youtube'",
        post.schedule_id,
      );
      const shorts = google.videos().filter((v) => v.id === youtube!.external_id);
      expect(shorts).toHaveLength(1);
      // One Short per post: no other video carries this post's title.
      expect(google.videos().filter((v) => v.title === shorts[0]!.title)).toHaveLength(1);
      expect(google.comments(youtube!.external_id).map((c) => c.text)).toEqual([FIRST_COMMENT]);
    } else {
      const posts = meta.feedPosts(PAGE).filter((p) => p.message === post.facebook_caption);
      expect(posts).toHaveLength(1);
      expect(meta.comments(posts[0]!.id).map((c) => c.message)).toEqual([FIRST_COMMENT]);
    }
    // The call the kill interrupted really reached the platform (and acted).
    const requests = endpoint.startsWith('youtube.') ? google.requests : meta.requests;
    expect(requests.some((r) => r.endpoint === endpoint)).toBe(true);
  });
});
