import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaFailure } from '../../fakes/fake-meta-server';
import {
  BRAND,
  IG_ID,
  PAGE_ID,
  openPublishingHarness,
  type PublishingHarness,
} from '../../helpers/publishing-harness';

let h: PublishingHarness;
beforeAll(async () => {
  h = await openPublishingHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('publishing to Instagram and Facebook through the fake Graph API', () => {
  it('places a finished reel in its next slot, then publishes it once to each platform', async () => {
    const item = await h.render({ variant: 'dark', title: 'WHY MAGNESIUM CHANGES YOUR SLEEP' });
    // Offset 0, Europe/Lisbon, 10:00Z = 10:00 local: the next dark slot is 12:00 today.
    expect(item).toMatchObject({
      brandId: BRAND,
      contentType: 'reel',
      status: 'scheduled',
      scheduledTime: '2026-11-25T12:00:00.000Z',
      slotSource: 'auto',
      platforms: ['instagram', 'facebook'],
    });
    expect(item.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'scheduled'],
      ['facebook', 'scheduled'],
    ]);
    // Not due yet: nothing is sent.
    await h.t.core.publishing.publisher.runDue();
    expect(h.meta.containers(IG_ID)).toHaveLength(0);

    h.clock.set('2026-11-25T12:00:00.000Z');
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
    expect(done.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'published'],
      ['facebook', 'published'],
    ]);
    const published = h.meta.publishedInstagram(IG_ID);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ caption: item.caption });
    expect(done.targets[0]!.externalId).toBe(published[0]!.id);
    const reels = h.meta.publishedReels(PAGE_ID);
    expect(reels).toHaveLength(1);
    expect(reels[0]!.description).toBe(item.facebookCaption);
    // The file went up to rupload whole, once per platform.
    expect(h.meta.uploads.filter((u) => u.complete)).toHaveLength(2);
  });

  it('publishes a carousel to Facebook from the local files, and holds the Instagram one for a media host', async () => {
    const item = await h.render({
      variant: 'post',
      title: 'THE EVENING HABITS THAT PROTECT YOUR SLEEP EVERY NIGHT',
    });
    expect(item.contentType).toBe('carousel');
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    const byPlatform = Object.fromEntries(done.targets.map((t) => [t.platform, t]));
    expect(byPlatform.facebook).toMatchObject({ status: 'published' });
    expect(byPlatform.instagram).toMatchObject({
      status: 'waiting',
      waitReason: 'needs_media_host',
      error: { suggestedFix: expect.stringContaining('Export for manual posting') },
    });
    expect(done.status).toBe('partial');
    const feed = h.meta.feedPosts(PAGE_ID);
    expect(feed).toHaveLength(1);
    expect(feed[0]!.attachedPhotoIds).toHaveLength(item.media.slides.length);

    const exported = await h.t.call('calendar.export', { scheduleId: item.scheduleId });
    expect(exported.files).toEqual([
      ...item.media.slides.map((s, i) => `${String(i + 1).padStart(2, '0')}-${s.split('/').pop()}`),
      'captions.txt',
    ]);
  });

  it('backs off with jitter on a rate limit and publishes once the limit passes', async () => {
    const item = await h.render({ variant: 'light', title: 'HOW WALKING AFTER MEALS CHANGES YOUR ENERGY' });
    h.meta.failNext('ig.media.create', 1, metaFailure.appRateLimit());
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    await h.t.core.publishing.publisher.runDue();
    const limited = await h.t.call('calendar.get', { scheduleId: item.scheduleId });
    const instagram = limited.targets.find((t) => t.platform === 'instagram')!;
    expect(instagram).toMatchObject({ waitReason: 'rate_limit', attempts: 1 });
    const waitMs = Date.parse(instagram.nextAttemptAt!) - h.clock.now().getTime();
    // One minute ± 20 %.
    expect(waitMs).toBeGreaterThanOrEqual(48_000);
    expect(waitMs).toBeLessThanOrEqual(72_000);
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
    expect(h.meta.publishedInstagram(IG_ID).filter((m) => m.caption === item.caption)).toHaveLength(1);
  });

  it('fails a refused video with Instagram’s own message and a fix, and retries only that platform', async () => {
    const item = await h.render({ variant: 'dark', title: 'THE TRUTH ABOUT CINNAMON AND YOUR HEART' });
    h.meta.scriptNextContainers({
      inProgressPolls: 1,
      error: { subcode: 2207026, message: 'Unsupported video format' },
    });
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const failed = await h.publishUntilSettled(item.scheduleId);
    const byPlatform = Object.fromEntries(failed.targets.map((t) => [t.platform, t]));
    expect(byPlatform.facebook!.status).toBe('published');
    expect(byPlatform.instagram).toMatchObject({
      status: 'failed',
      error: {
        message: expect.stringContaining('2207026'),
        suggestedFix: expect.stringContaining('Re-render'),
      },
    });
    expect(failed.status).toBe('partial');
    const reelsBefore = h.meta.publishedReels(PAGE_ID).length;
    await h.t.call('calendar.retry', { scheduleId: item.scheduleId, platform: 'instagram' });
    const retried = await h.publishUntilSettled(item.scheduleId);
    expect(retried.status).toBe('published');
    expect(h.meta.publishedReels(PAGE_ID)).toHaveLength(reelsBefore);
  });
});
