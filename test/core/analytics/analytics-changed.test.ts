import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../../src-main/core/contract/events';
import type { FakeAudience } from '../../fakes/fake-audience';
import { openPublishingHarness, type PublishingHarness } from '../../helpers/publishing-harness';

const HOUR = 3600_000;

/** 100 views an hour after publishing, nothing before. */
const audience: FakeAudience = {
  post(post, at) {
    const hours = Math.floor((at.getTime() - post.publishedAt.getTime()) / HOUR);
    return hours < 1
      ? null
      : { views: 100 * hours, reach: 80 * hours, likes: 10, comments: 1, saves: 1, shares: 1 };
  },
  account: () => ({ followers: 1234 }),
};

/**
 * Open Analytics views refetch when the metrics collector has taken new measurements: a run that
 * took some announces `data.changed` for analytics once; a run that took nothing stays quiet.
 */
describe('the analytics change event', () => {
  let h: PublishingHarness;
  const changes: Array<{ entity: string; id?: string }> = [];

  beforeAll(async () => {
    h = await openPublishingHarness({ meta: { audience }, platforms: ['instagram'] });
    const item = await h.render({ variant: 'dark', title: 'WHY MAGNESIUM CHANGES YOUR SLEEP' });
    await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
    await h.publishUntilSettled(item.scheduleId);
    h.t.core.events.subscribe((event: ContractEvent) => {
      if (event.stream === 'data.changed' && event.payload.entity === 'analytics')
        changes.push(event.payload);
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is announced after a run that measured something, and not after one that did not', async () => {
    // The account snapshots (Instagram and the Facebook Page) are due at once; the post has
    // nothing to report in its first hour.
    const first = await h.t.call('analytics.collectNow', {});
    expect(first).toMatchObject({ snapshotsTaken: 0, brandSnapshots: 2 });
    expect(changes).toEqual([{ entity: 'analytics' }]);

    const quiet = await h.t.call('analytics.collectNow', {});
    expect(quiet).toMatchObject({ snapshotsTaken: 0, brandSnapshots: 0 });
    expect(changes).toHaveLength(1);

    h.clock.advance(HOUR + 60_000);
    const measured = await h.t.call('analytics.collectNow', { brandId: 'healthy-college' });
    expect(measured.snapshotsTaken).toBe(1);
    expect(changes).toEqual([{ entity: 'analytics' }, { entity: 'analytics', id: 'healthy-college' }]);
  });
});
