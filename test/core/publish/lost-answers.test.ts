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
  await h.t.call('brands.update', {
    id: BRAND,
    patch: {
      publishing: {
        platforms: ['instagram', 'facebook'],
        youtubePrivacy: 'public',
        youtubeNotifySubscribers: false,
        youtubeShortsTag: true,
        firstComment: 'Which one will you try first?',
      },
    },
  });
});
afterAll(async () => {
  await h?.close();
});

/**
 * A call that took effect but whose answer never came back (the connection dropped after the
 * platform acted) is the crash the publisher must survive without posting twice: it looks the
 * outcome up on the platform before calling again.
 */
describe('answers lost after the platform acted', () => {
  it.each([
    ['ig.media_publish', 'Instagram publish'],
    ['fb.video_reels.finish', 'Facebook finish'],
    ['ig.comments.create', 'Instagram first comment'],
    ['fb.comments.create', 'Facebook first comment'],
  ])('%s (%s): published once, commented once', async (endpoint) => {
    const item = await h.render({ variant: 'dark', title: `LOST ANSWER AT ${endpoint.toUpperCase()}` });
    h.meta.failNext(endpoint, 1, metaFailure.dropAfterProcessing());
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.status).toBe('published');
    const igMedia = h.meta.publishedInstagram(IG_ID).filter((m) => m.caption === item.caption);
    expect(igMedia).toHaveLength(1);
    const reel = h.meta.publishedReels(PAGE_ID).filter((r) => r.description === item.facebookCaption);
    expect(reel).toHaveLength(1);
    expect(h.meta.comments(igMedia[0]!.id)).toHaveLength(1);
    expect(h.meta.comments(reel[0]!.id)).toHaveLength(1);
    // The lost call was really made (and then looked up, not repeated).
    expect(h.meta.requests.filter((r) => r.endpoint === endpoint && r.outcome === 'dropped')).toHaveLength(1);
  });

  it('fb.feed.create: a carousel posted to the Page once', async () => {
    const item = await h.render({
      variant: 'post',
      title: 'THE QUIET EVENING ROUTINE THAT PROTECTS YOUR HEART EVERY DAY',
    });
    await h.t.call('calendar.update', { scheduleId: item.scheduleId, patch: { platforms: ['facebook'] } });
    h.meta.failNext('fb.feed.create', 1, metaFailure.dropAfterProcessing());
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    const done = await h.publishUntilSettled(item.scheduleId);
    expect(done.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'cancelled'],
      ['facebook', 'published'],
    ]);
    expect(done.status).toBe('published');
    expect(h.meta.feedPosts(PAGE_ID).filter((p) => p.message === item.facebookCaption)).toHaveLength(1);
  });
});
