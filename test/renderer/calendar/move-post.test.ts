import { describe, expect, it } from 'vitest';
import { AppError, type CalendarItem } from '@contract';
import { movePost } from '../../../src-renderer/features/calendar/move-post';

const item = { scheduleId: 'SCH-abcdefgh', scheduledTime: '2026-07-02T09:00:00.000Z' } as CalendarItem;

function ops(verdict: { ok: boolean; reason: string | null }, reschedule: () => Promise<CalendarItem>) {
  const calls: string[] = [];
  return {
    calls,
    checkSlot: async (at: string) => {
      calls.push(`check ${at}`);
      return verdict;
    },
    reschedule: async (at: string) => {
      calls.push(`reschedule ${at}`);
      return reschedule();
    },
  };
}

describe('moving a post', () => {
  it('checks the slot, then moves', async () => {
    const o = ops({ ok: true, reason: null }, async () => item);
    expect(await movePost(o, item.scheduledTime)).toEqual({ moved: true, item });
    expect(o.calls).toEqual([`check ${item.scheduledTime}`, `reschedule ${item.scheduledTime}`]);
  });

  it('does not move when the rules refuse, and says the core’s reason', async () => {
    const o = ops({ ok: false, reason: 'Tue 30 Jun 2026 09:00 is in the past.' }, async () => item);
    expect(await movePost(o, '2026-06-30T08:00:00.000Z')).toEqual({
      moved: false,
      refused: true,
      reason: 'Tue 30 Jun 2026 09:00 is in the past.',
    });
    expect(o.calls).toEqual(['check 2026-06-30T08:00:00.000Z']);
  });

  it('treats a slot taken between check and move as refused, with the conflict’s words', async () => {
    const o = ops({ ok: true, reason: null }, async () => {
      throw new AppError('conflict', 'Another reel of this brand is already scheduled at 09:00.');
    });
    expect(await movePost(o, item.scheduledTime)).toEqual({
      moved: false,
      refused: true,
      reason: 'Another reel of this brand is already scheduled at 09:00.',
    });
  });

  it('reports a failure that is not a refusal', async () => {
    const o = ops({ ok: true, reason: null }, async () => {
      throw new AppError('unavailable', 'Cannot reach the Maestro server. Is it still running?');
    });
    expect(await movePost(o, item.scheduledTime)).toEqual({
      moved: false,
      refused: false,
      reason: 'Cannot reach the Maestro server. Is it still running?',
    });
  });
});
