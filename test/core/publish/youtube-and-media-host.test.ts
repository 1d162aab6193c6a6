import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFailure } from '../../fakes/fake-google-server';
import {
  BRAND,
  IG_ID,
  PAGE_ID,
  openPublishingHarness,
  type PublishingHarness,
} from '../../helpers/publishing-harness';

let h: PublishingHarness;
beforeAll(async () => {
  h = await openPublishingHarness({
    google: { chunkGranularityBytes: 262_144 },
    mediaHost: true,
    platforms: ['instagram', 'facebook', 'youtube'],
  });
});
afterAll(async () => {
  await h?.close();
});

const youtubeVideos = () => h.google!.videos();

describe('a Short to YouTube, and a carousel through an S3-compatible media host', () => {
  it('uploads the reel to YouTube once, with its title, #Shorts, privacy and thumbnail, beside Instagram and Facebook', async () => {
    const item = await h.render({ variant: 'dark', title: 'WHY MAGNESIUM CHANGES YOUR SLEEP' });
    expect(item.platforms).toEqual(['instagram', 'facebook', 'youtube']);
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'published'],
      ['facebook', 'published'],
      ['youtube', 'published'],
    ]);
    const [video] = youtubeVideos();
    expect(youtubeVideos()).toHaveLength(1);
    // No LLM is configured here: the fallback title, Title Case, ≤ 100 characters.
    expect(video).toMatchObject({
      title: 'Why Magnesium Changes Your Sleep',
      privacyStatus: 'public',
      notifySubscribers: false,
    });
    expect(video!.description).toMatch(/#Shorts$/);
    expect(done.targets[2]).toMatchObject({
      externalId: video!.id,
      permalink: `https://youtube.com/shorts/${video!.id}`,
    });
    expect(h.google!.thumbnails().map((t) => t.videoId)).toEqual([video!.id]);
    // The reel's cover went through the media host and was deleted after publishing.
    const media = h.meta.publishedInstagram(IG_ID).find((m) => m.caption === item.caption)!;
    expect(media.coverUrl).toContain(h.s3!.baseUrl);
    expect(h.s3!.objects()).toEqual([]);
  });

  it('resumes an interrupted upload from the last byte YouTube acknowledged, and makes one video', async () => {
    const item = await h.render({ variant: 'light', title: 'HOW WALKING AFTER MEALS CHANGES YOUR ENERGY' });
    await h.t.call('calendar.update', { scheduleId: item.scheduleId, patch: { platforms: ['youtube'] } });
    const before = youtubeVideos().length;
    const size = statSync(join(h.t.dir, 'media', item.media.video!)).size;
    const cut = Math.floor(size * 0.7);
    const kept = Math.floor(cut / 262_144) * 262_144;
    // Cut the request that carries bytes (not a status query, which has none).
    h.google!.failNext(
      (r) => r.endpoint === 'youtube.videos.upload' && r.rawBody.length > 0,
      1,
      googleFailure.dropAfterBytes(cut),
    );
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
    expect(youtubeVideos()).toHaveLength(before + 1);
    const session = h.google!.uploadSessions().at(-1)!;
    // The cut request delivered 70 % of the file, of which YouTube kept whole 256 KiB units (said
    // by its Range); the upload resumed from there, so only the unkept bytes were sent twice.
    expect(session.data.length).toBe(size);
    expect(session.bytesReceived).toBe(size + cut - kept);
  });

  it('waits for midnight Pacific when YouTube’s daily quota is used up, then uploads', async () => {
    const item = await h.render({ variant: 'dark', title: 'THE TRUTH ABOUT GINGER AND YOUR JOINTS' });
    await h.t.call('calendar.update', { scheduleId: item.scheduleId, patch: { platforms: ['youtube'] } });
    h.google!.failNext('youtube.videos.insert', 1, googleFailure.quotaExceeded());
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    await h.t.core.publishing.publisher.runDue();
    const waiting = (await h.t.call('calendar.get', { scheduleId: item.scheduleId })).targets.find(
      (t) => t.platform === 'youtube',
    )!;
    // 2026-11-25 is PST (UTC−8): the quota resets at 08:00Z on the 26th.
    expect(waiting).toMatchObject({
      status: 'uploading',
      waitReason: 'quota',
      nextAttemptAt: '2026-11-26T08:00:00.000Z',
    });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
  });

  it('refreshes a YouTube access token refused with 401 once, without calling the connection expired', async () => {
    const item = await h.render({ variant: 'dark', title: 'NOBODY TELLS YOU WHAT OATS DO FOR FOCUS' });
    await h.t.call('calendar.update', { scheduleId: item.scheduleId, patch: { platforms: ['youtube'] } });
    // The cached access token stops working before its stated expiry (revoked server-side).
    const bearer = h.google!.requests.filter((r) => r.headers.authorization?.startsWith('Bearer ')).at(-1)!;
    h.google!.expireAccessToken(bearer.headers.authorization!.slice('Bearer '.length));
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
    const youtube = (await h.t.call('connections.list', { brandId: BRAND })).find(
      (c) => c.platform === 'youtube',
    );
    expect(youtube?.status).toBe('connected');
  });

  it('publishes a carousel to Instagram through the media host, deleting the hosted slides after', async () => {
    const item = await h.render({
      variant: 'post',
      title: 'THE EVENING HABITS THAT PROTECT YOUR SLEEP EVERY NIGHT',
    });
    const hostedBefore = h.s3!.counts();
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'published'],
      ['facebook', 'published'],
    ]);
    const carousel = h.meta.publishedInstagram(IG_ID).find((m) => m.caption === item.caption)!;
    expect(carousel.mediaType).toBe('CAROUSEL_ALBUM');
    expect(carousel.children).toHaveLength(item.media.slides.length);
    const counts = h.s3!.counts();
    expect(counts.putObject - hostedBefore.putObject).toBe(item.media.slides.length);
    expect(counts.deleteObject - hostedBefore.deleteObject).toBe(item.media.slides.length);
    expect(h.s3!.objects()).toEqual([]);
    expect(h.meta.feedPosts(PAGE_ID).filter((p) => p.message === item.facebookCaption)).toHaveLength(1);
  });

  it('holds every platform of a brand whose token was revoked, makes no further call, and resumes on reconnect', async () => {
    const item = await h.render({ variant: 'dark', title: 'STOP IGNORING WHAT SUNLIGHT DOES FOR YOUR MOOD' });
    await h.t.call('calendar.update', { scheduleId: item.scheduleId, patch: { platforms: ['instagram'] } });
    h.meta.revokeToken(h.meta.requests.find((r) => r.endpoint === 'me.accounts')!.query.access_token!);
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    await h.t.core.publishing.publisher.runDue();
    const held = await h.t.call('calendar.get', { scheduleId: item.scheduleId });
    expect(held.targets[0]).toMatchObject({ status: 'waiting', waitReason: 'connection_expired' });
    expect(held.status).toBe('waiting');
    const connection = (await h.t.call('connections.list', { brandId: BRAND })).find(
      (c) => c.platform === 'instagram',
    );
    expect(connection).toMatchObject({ status: 'expired' });
    const calls = h.meta.requests.length;
    for (let i = 0; i < 3; i++) {
      h.clock.advance(3_600_000);
      await h.t.core.publishing.publisher.runDue();
    }
    expect(h.meta.requests.length).toBe(calls);

    await h.t.call('connections.connectMeta', {
      brandId: BRAND,
      userToken: h.meta.issueUserToken('2000000000000001'),
    });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
    expect(h.meta.publishedInstagram(IG_ID).filter((m) => m.caption === item.caption)).toHaveLength(1);
  });
});
