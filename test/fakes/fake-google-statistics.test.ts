import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeAudience } from './fake-audience';
import { fakeMp4Bytes, manualClock, type ManualClock } from './fake-http';
import { startFakeGoogle, type FakeGoogle } from './fake-google-server';

const HOUR = 3600_000;
let google: FakeGoogle;
let clock: ManualClock;

/** 50 views, 4 likes and 1 comment per whole hour since upload; 2,000 subscribers. */
const audience: FakeAudience = {
  post(post, at) {
    const hours = Math.floor((at.getTime() - post.publishedAt.getTime()) / HOUR);
    return { views: 50 * hours, likes: 4 * hours, comments: hours };
  },
  account: () => ({ followers: 2000 }),
};

beforeEach(async () => {
  clock = manualClock('2026-03-10T18:00:00Z');
  google = await startFakeGoogle({ now: clock.now, audience });
});

afterEach(async () => {
  await google.close();
});

async function api(path: string, token: string) {
  const response = await fetch(`${google.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as any };
}

async function upload(token: string, title: string): Promise<string> {
  const bytes = fakeMp4Bytes({ size: 2000 });
  const session = await fetch(
    `${google.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json; charset=UTF-8',
        'x-upload-content-length': String(bytes.length),
        'x-upload-content-type': 'video/mp4',
      },
      body: JSON.stringify({
        snippet: { title, description: 'd', categoryId: '22' },
        status: { privacyStatus: 'public' },
      }),
    },
  );
  if (!session.headers.get('location')) throw new Error(`session ${session.status} ${await session.text()}`);
  const done = await fetch(session.headers.get('location')!, {
    method: 'PUT',
    headers: { 'content-type': 'video/mp4' },
    body: new Uint8Array(bytes),
  });
  return ((await done.json()) as { id: string }).id;
}

describe('fake YouTube: statistics from the audience', () => {
  it('videos.list part=statistics gives string counts for up to 50 ids, each call 1 unit', async () => {
    // Access tokens live an hour: a fresh one for each step.
    const token = () => google.issueTokens().accessToken;
    const a = await upload(token(), 'First');
    clock.advance(HOUR);
    const b = await upload(token(), 'Second');
    clock.advance(2 * HOUR);
    const accessToken = token();
    const before = google.quotaUsed().units;
    const list = await api(`/youtube/v3/videos?part=statistics&id=${a},${b}`, accessToken);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: a,
        statistics: { viewCount: '150', likeCount: '12', favoriteCount: '0', commentCount: '3' },
      }),
      expect.objectContaining({
        id: b,
        statistics: { viewCount: '100', likeCount: '8', favoriteCount: '0', commentCount: '2' },
      }),
    ]);
    expect(google.quotaUsed().units - before).toBe(1);
    const tooMany = Array.from({ length: 51 }, (_, i) => `vid${i}`).join(',');
    expect((await api(`/youtube/v3/videos?part=statistics&id=${tooMany}`, accessToken)).status).toBe(400);
  });

  it('channels.list statistics: subscribers from the audience, views summed over the uploads', async () => {
    await upload(google.issueTokens().accessToken, 'One');
    clock.advance(4 * HOUR);
    const { accessToken } = google.issueTokens();
    const channel = await api('/youtube/v3/channels?part=statistics&mine=true', accessToken);
    expect(channel.body.items[0].statistics).toEqual({
      viewCount: '200',
      subscriberCount: '2000',
      hiddenSubscriberCount: false,
      videoCount: '1',
    });
  });
});
