import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../../src-main/core/contract/events';
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
    expect(await t.call('maestro.status')).toEqual({ paused: true, changedAt: null });
  });

  it('resumes and pauses, persisting across restarts and telling every listener', async () => {
    const events: ContractEvent[] = [];
    t.core.events.subscribe((e) => events.push(e));
    expect(await t.call('maestro.resume')).toEqual({ paused: false, changedAt: '2026-11-25T10:00:00.000Z' });
    t = await t.reopen();
    expect((await t.call('maestro.status')).paused).toBe(false);
    expect(events.filter((e) => e.stream === 'maestro.state').map((e) => e.payload)).toEqual([
      { paused: false, changedAt: '2026-11-25T10:00:00.000Z' },
    ]);
    t.clock.advance(5_000);
    expect(await t.call('maestro.pause')).toEqual({ paused: true, changedAt: '2026-11-25T10:00:05.000Z' });
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
