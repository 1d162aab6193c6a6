import { afterEach, describe, expect, it } from 'vitest';
import { IG_ID, openPublishingHarness, type PublishingHarness } from '../../helpers/publishing-harness';

let h: PublishingHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('posts that must wait', () => {
  it('waits offline, then sends the due posts in their scheduled order when the network returns', async () => {
    // The Graph address comes from Settings here (no environment override), so it can go away.
    h = await openPublishingHarness({
      platforms: ['instagram'],
      env: { MAESTRO_GRAPH_URL: '', MAESTRO_RUPLOAD_URL: '' },
    });
    const items = [];
    for (const title of [
      'FIRST IN LINE FOR THE MORNING',
      'SECOND IN LINE AT NOON',
      'THIRD IN LINE BEFORE DINNER',
    ]) {
      items.push(await h.render({ variant: 'dark', title }));
    }
    const order = [...items].sort((a, b) => a.scheduledTime.localeCompare(b.scheduledTime));
    // The network goes: nothing answers at this address.
    await h.t.call('settings.set', {
      values: { graphBaseUrl: 'http://127.0.0.1:9', ruploadBaseUrl: 'http://127.0.0.1:9' },
    });
    h.clock.set(new Date(Date.parse(order[2]!.scheduledTime) + 60_000));
    const calls = h.meta.requests.length;
    await h.t.core.publishing.publisher.runDue();
    // The round stopped at the first post: the later ones were not even tried.
    const first = await h.t.call('calendar.get', { scheduleId: order[0]!.scheduleId });
    expect(first.targets[0]).toMatchObject({ status: 'uploading', waitReason: 'offline' });
    for (const later of order.slice(1)) {
      expect((await h.t.call('calendar.get', { scheduleId: later.scheduleId })).targets[0]!.attempts).toBe(0);
    }
    expect(h.meta.requests.length).toBe(calls);

    await h.t.call('settings.set', {
      values: { graphBaseUrl: h.meta.baseUrl, ruploadBaseUrl: h.meta.baseUrl },
    });
    for (const item of order) await h.publishUntilSettled(item.scheduleId);
    const published = h.meta.publishedInstagram(IG_ID).map((m) => m.caption);
    expect(published).toEqual(order.map((item) => item.caption));
  });

  it('holds the 51st Instagram post of a rolling day until the window frees up, then publishes it once', async () => {
    h = await openPublishingHarness({ platforms: ['instagram'], meta: { publishLimitPer24h: 2 } });
    const items = [];
    for (const title of ['ONE OF TODAY', 'TWO OF TODAY', 'THREE OF TODAY'])
      items.push(await h.render({ variant: 'dark', title: `${title} ABOUT SLEEP` }));
    for (const item of items.slice(0, 2)) {
      await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
      expect((await h.publishUntilSettled(item.scheduleId)).status).toBe('published');
    }
    const third = items[2]!;
    await h.t.call('calendar.publishNow', { scheduleId: third.scheduleId });
    let held = (await h.t.call('calendar.get', { scheduleId: third.scheduleId })).targets[0]!;
    // Uploaded and processed first; the limit answers at media_publish.
    for (let round = 0; round < 10 && held.waitReason !== 'quota'; round++) {
      await h.t.core.publishing.publisher.runDue();
      held = (await h.t.call('calendar.get', { scheduleId: third.scheduleId })).targets[0]!;
      if (held.waitReason !== 'quota') h.clock.advance(6_000);
    }
    expect(held).toMatchObject({ waitReason: 'quota', error: { code: '9/2207042' } });
    expect(Date.parse(held.nextAttemptAt!) - h.clock.now().getTime()).toBe(3_600_000);
    // A day later the window has room again.
    h.clock.advance(24 * 3_600_000);
    const done = await h.publishUntilSettled(third.scheduleId);
    expect(done.status).toBe('published');
    expect(h.meta.publishedInstagram(IG_ID).filter((m) => m.caption === third.caption)).toHaveLength(1);
  });
});
