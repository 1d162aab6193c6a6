import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../../src-main/core/contract/events';
import type { MaestroStatus } from '../../../src-main/core/contract/maestro';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(async () => {
  await t.close();
});

describe('maestro pause state', () => {
  it('starts paused on a fresh install so nothing runs before the creator says so', async () => {
    expect(await t.call('maestro.status')).toEqual({
      paused: true,
      changedAt: null,
      burstRunning: false,
      burstKind: null,
    });
  });

  it('resumes and pauses, persisting across restarts and telling every listener', async () => {
    const events: ContractEvent[] = [];
    t.core.events.subscribe((e) => events.push(e));
    expect(await t.call('maestro.resume')).toEqual({
      paused: false,
      changedAt: '2026-11-25T10:00:00.000Z',
      burstRunning: false,
      burstKind: null,
    });
    t = await t.reopen();
    expect((await t.call('maestro.status')).paused).toBe(false);
    expect(events.filter((e) => e.stream === 'maestro.state').map((e) => e.payload)).toEqual([
      { paused: false, changedAt: '2026-11-25T10:00:00.000Z', burstRunning: false, burstKind: null },
    ]);
    t.clock.advance(5_000);
    expect(await t.call('maestro.pause')).toMatchObject({
      paused: true,
      changedAt: '2026-11-25T10:00:05.000Z',
    });
    const feed = (await t.call('activity.list')).filter((e) => e.agent === 'maestro');
    expect(feed.map((e) => e.action)).toEqual(['Paused', 'Resumed']);
  });

  it('pausing twice changes nothing the second time', async () => {
    await t.call('maestro.pause');
    t.clock.advance(1_000);
    const again = await t.call('maestro.pause');
    expect(again.changedAt).toBe('2026-11-25T10:00:00.000Z');
    expect((await t.call('activity.list')).filter((e) => e.agent === 'maestro')).toHaveLength(1);
  });
});

describe('the burst runner in maestro.state', () => {
  let h: BurstHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('says when a burst takes the runner and when it lets go, in the state the tray and the page read', async () => {
    let open!: () => void;
    const llmAnswers = new Promise<void>((resolve) => (open = resolve));
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 1, postsPerBrand: 0 },
      respond: async (request, llm) => {
        await llmAnswers;
        return llm.respond(request);
      },
    });
    const { core } = h.t;
    const states: MaestroStatus[] = [];
    const burstNowOnRelease: Array<Promise<{ ok: boolean }>> = [];
    core.events.subscribe((event) => {
      if (event.stream !== 'maestro.state') return;
      states.push(event.payload);
      // A view that enables Burst now on the release and is clicked at once is not refused.
      if (!event.payload.burstRunning && burstNowOnRelease.length === 0)
        burstNowOnRelease.push(core.invoke('maestro.triggerBurst', {}));
    });

    await h.t.call('maestro.triggerBurst');
    // Said before the operation answered: no view can show Burst now enabled after it started.
    expect(states).toEqual([{ paused: true, changedAt: null, burstRunning: true, burstKind: 'smart' }]);
    expect(await h.t.call('maestro.status')).toMatchObject({ burstRunning: true, burstKind: 'smart' });
    // Pausing meanwhile keeps the burst in the state it sends.
    await h.t.call('maestro.pause');
    expect(states.at(-1)).toMatchObject({ paused: true, burstRunning: true, burstKind: 'smart' });

    open();
    await core.bursts.runner.settled();
    expect(burstNowOnRelease).toHaveLength(1);
    expect(await burstNowOnRelease[0]).toMatchObject({ ok: true });
    await core.bursts.runner.settled();
    expect(states.map((s) => s.burstRunning)).toEqual([true, true, false, true, false]);
    expect(await h.t.call('maestro.status')).toMatchObject({ burstRunning: false, burstKind: null });
  });
});
