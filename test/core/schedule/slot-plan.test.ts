import { describe, expect, it } from 'vitest';
import {
  checkSlot,
  nextFreeSlot,
  type OccupiedSlot,
  type SlotRulesInput,
} from '../../../src-main/core/schedule/slot-plan';

// Lisbon in January is WET = UTC+0, so local and UTC times read the same there.
// 15 Jan 2026 is a Thursday.
const LISBON = 'Europe/Lisbon';
const NEW_YORK = 'America/New_York';
const MINUTE = 60_000;

const utc = (iso: string) => new Date(`${iso}:00Z`);
const reels = (...isos: string[]): OccupiedSlot[] => isos.map((iso) => ({ at: utc(iso), kind: 'reel' }));
const posts = (...isos: string[]): OccupiedSlot[] => isos.map((iso) => ({ at: utc(iso), kind: 'post' }));
/** `count` Instagram posts `everyMinutes` apart from `firstIso`. */
const instagramRun = (firstIso: string, count: number, everyMinutes: number) =>
  Array.from({ length: count }, (_, k) => new Date(utc(firstIso).getTime() + k * everyMinutes * MINUTE));

const base = {
  timeZone: LISBON,
  scheduleOffset: 1,
  occupied: [] as OccupiedSlot[],
  instagramTimes: [] as Date[],
  targetsInstagram: true,
};
const lightReel = (overrides: Partial<SlotRulesInput> = {}): SlotRulesInput =>
  ({ ...base, now: utc('2026-01-15T10:30'), kind: 'reel', variant: 'light', ...overrides }) as SlotRulesInput;
const darkReel = (overrides: Partial<SlotRulesInput> = {}): SlotRulesInput =>
  ({ ...base, now: utc('2026-01-15T10:30'), kind: 'reel', variant: 'dark', ...overrides }) as SlotRulesInput;
const post = (overrides: Partial<SlotRulesInput> = {}): SlotRulesInput =>
  ({ ...base, now: utc('2026-01-15T10:30'), kind: 'post', ...overrides }) as SlotRulesInput;

function taken(result: ReturnType<typeof nextFreeSlot>) {
  if (result.none) throw new Error(`expected a slot, got: ${result.reason}`);
  return {
    at: result.at.toISOString(),
    variant: result.variant,
    tookOtherVariant: result.tookOtherVariant,
    note: result.note,
  };
}

describe('nextFreeSlot on an ordinary day (Lisbon, offset 1; light 01/09/17, dark 05/13/21, posts 09/15)', () => {
  it('gives each kind its first own slot strictly after now (10:30)', () => {
    expect(taken(nextFreeSlot(lightReel()))).toEqual({
      at: '2026-01-15T17:00:00.000Z',
      variant: 'light',
      tookOtherVariant: false,
      note: null,
    });
    expect(taken(nextFreeSlot(darkReel())).at).toBe('2026-01-15T13:00:00.000Z');
    expect(taken(nextFreeSlot(post())).at).toBe('2026-01-15T15:00:00.000Z');
  });

  it('a slot at exactly now is not after now', () => {
    expect(taken(nextFreeSlot(lightReel({ now: utc('2026-01-15T17:00') }))).at).toBe(
      '2026-01-16T01:00:00.000Z',
    );
  });

  it('one reel per slot whatever its variant; posts only block posts', () => {
    // A dark reel placed by hand on the 17:00 light slot still blocks it.
    expect(taken(nextFreeSlot(lightReel({ occupied: reels('2026-01-15T17:00') }))).at).toBe(
      '2026-01-16T01:00:00.000Z',
    );
    expect(taken(nextFreeSlot(lightReel({ occupied: posts('2026-01-15T17:00') }))).at).toBe(
      '2026-01-15T17:00:00.000Z',
    );
    expect(taken(nextFreeSlot(post({ occupied: reels('2026-01-15T15:00') }))).at).toBe(
      '2026-01-15T15:00:00.000Z',
    );
    expect(taken(nextFreeSlot(post({ occupied: posts('2026-01-15T15:00') }))).at).toBe(
      '2026-01-16T09:00:00.000Z',
    );
  });

  it('New York, offset 0: 08:00 EST slot for a post made at 07:00 EST is 13:00Z', () => {
    expect(
      taken(nextFreeSlot(post({ timeZone: NEW_YORK, scheduleOffset: 0, now: utc('2026-01-15T12:00') }))).at,
    ).toBe('2026-01-15T13:00:00.000Z');
  });
});

describe('nextFreeSlot sorts after the offset wraps', () => {
  it('offset 21: a light reel at midnight takes 05:00, not 21:00 (the original checked 21:00 first)', () => {
    const midnight = { now: utc('2026-01-15T00:00'), scheduleOffset: 21 };
    expect(taken(nextFreeSlot(lightReel(midnight))).at).toBe('2026-01-15T05:00:00.000Z');
    expect(taken(nextFreeSlot(darkReel(midnight))).at).toBe('2026-01-15T01:00:00.000Z');
  });
});

describe('nextFreeSlot across DST changes', () => {
  it('Lisbon spring forward: the 01:00 light slot (offset 1) moves to 02:00 WEST = 01:00Z', () => {
    expect(taken(nextFreeSlot(lightReel({ now: utc('2026-03-29T00:30') }))).at).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('New York spring forward: the 02:00 light slot (offset 2) moves to 03:00 EDT = 07:00Z', () => {
    const input = lightReel({ timeZone: NEW_YORK, scheduleOffset: 2, now: utc('2026-03-08T06:00') }); // 01:00 EST
    expect(taken(nextFreeSlot(input)).at).toBe('2026-03-08T07:00:00.000Z');
  });

  it('Lisbon fall back: at 01:00 WEST (00:00Z) the repeated 01:00 WET is not offered; next light is 09:00 WET', () => {
    expect(taken(nextFreeSlot(lightReel({ now: utc('2026-10-25T00:00') }))).at).toBe(
      '2026-10-25T09:00:00.000Z',
    );
  });

  it('New York fall back: at 01:00 EDT (05:00Z) the repeated 01:00 EST (06:00Z) is not offered; next is 09:00 EST = 14:00Z', () => {
    const input = lightReel({ timeZone: NEW_YORK, scheduleOffset: 1, now: utc('2026-11-01T05:00') });
    expect(taken(nextFreeSlot(input)).at).toBe('2026-11-01T14:00:00.000Z');
  });
});

describe('a backed-up variant (Lisbon, offset 0: light 00/08/16, dark 04/12/20; now Thu 15 Jan 06:00)', () => {
  const now = utc('2026-01-15T06:00');
  const lightTaken = reels(
    '2026-01-15T08:00',
    '2026-01-15T16:00',
    '2026-01-16T00:00',
    '2026-01-16T08:00',
    '2026-01-16T16:00',
    '2026-01-17T00:00',
    '2026-01-17T08:00',
  );

  it('light free only from Sat 17 Jan 16:00 while dark is free at Thu 12:00 (52 h > 24 h): takes the dark slot', () => {
    expect(taken(nextFreeSlot(lightReel({ now, scheduleOffset: 0, occupied: lightTaken })))).toEqual({
      at: '2026-01-15T12:00:00.000Z',
      variant: 'dark',
      tookOtherVariant: true,
      note: 'Took a dark slot: light slots are full until Sat 17 Jan 16:00.',
    });
  });

  it('light free 12 h after dark (Fri 00:00 vs Thu 12:00): keeps its own variant', () => {
    const occupied = reels('2026-01-15T08:00', '2026-01-15T16:00');
    expect(taken(nextFreeSlot(lightReel({ now, scheduleOffset: 0, occupied })))).toEqual({
      at: '2026-01-16T00:00:00.000Z',
      variant: 'light',
      tookOtherVariant: false,
      note: null,
    });
  });

  it('"more than" the threshold: exactly 52 h later with a 52 h threshold still waits for light', () => {
    const input = lightReel({ now, scheduleOffset: 0, occupied: lightTaken, variantBackupHours: 52 });
    expect(taken(nextFreeSlot(input)).at).toBe('2026-01-17T16:00:00.000Z');
  });

  it('no light slot at all within the horizon: takes dark and says for how long light is full', () => {
    const input = lightReel({ now, scheduleOffset: 0, occupied: lightTaken, horizonDays: 2 });
    expect(taken(nextFreeSlot(input))).toEqual({
      at: '2026-01-15T12:00:00.000Z',
      variant: 'dark',
      tookOtherVariant: true,
      note: 'Took a dark slot: light slots are full for the next 2 days.',
    });
  });
});

describe("Instagram's 50 posts per rolling 24 h", () => {
  // 50 posts every 10 min from Wed 14 Jan 09:00Z to 17:10Z fill every window that starts at 09:00Z.
  // A new post shares a window with all 50 while it is less than 24 h after the first: before Thu 09:00Z.
  const fullWindow = instagramRun('2026-01-14T09:00', 50, 10);
  const now = utc('2026-01-15T00:30');

  it('the 51st waits: offset 0 puts the 08:00 post slot inside the full window, so it takes 14:00 and says why', () => {
    expect(taken(nextFreeSlot(post({ now, scheduleOffset: 0, instagramTimes: fullWindow })))).toEqual({
      at: '2026-01-15T14:00:00.000Z',
      variant: 'post',
      tookOtherVariant: false,
      note: "Waited for Instagram's limit of 50 posts in 24 hours: the slot at Thu 15 Jan 08:00 would have gone over it.",
    });
  });

  it('leaving one full window is not enough when the slot enters another', () => {
    // A second run of 50 from Thu 15 Jan 20:00Z to Fri 04:10Z. A slot shares a 24 h window with all of it
    // from Thu 04:10Z (last − 24 h) until Fri 20:00Z (first + 24 h). Offset 0 post slots: Thu 08:00 is in
    // both full windows; Thu 14:00, Fri 08:00 and Fri 14:00 in the second; Sat 17 Jan 08:00 is clear.
    const instagramTimes = [...fullWindow, ...instagramRun('2026-01-15T20:00', 50, 10)];
    expect(taken(nextFreeSlot(post({ now, scheduleOffset: 0, instagramTimes })))).toMatchObject({
      at: '2026-01-17T08:00:00.000Z',
      note: "Waited for Instagram's limit of 50 posts in 24 hours: the slot at Thu 15 Jan 08:00 would have gone over it.",
    });
  });

  it('a slot exactly 24 h after the first of the 50 is outside every full window (offset 1: 09:00)', () => {
    expect(taken(nextFreeSlot(post({ now, instagramTimes: fullWindow }))).at).toBe(
      '2026-01-15T09:00:00.000Z',
    );
  });

  it('the 50th is fine: with 49 posts (the 09:00Z one dropped) the 08:00 slot is taken', () => {
    expect(
      taken(nextFreeSlot(post({ now, scheduleOffset: 0, instagramTimes: fullWindow.slice(1) }))).at,
    ).toBe('2026-01-15T08:00:00.000Z');
  });

  it('reels count too, and a reel waits the same way (offset 0: light 08:00 → 16:00)', () => {
    expect(taken(nextFreeSlot(lightReel({ now, scheduleOffset: 0, instagramTimes: fullWindow }))).at).toBe(
      '2026-01-15T16:00:00.000Z',
    );
  });

  it('counts nothing when the item does not go to Instagram', () => {
    const input = post({ now, scheduleOffset: 0, instagramTimes: fullWindow, targetsInstagram: false });
    expect(taken(nextFreeSlot(input)).at).toBe('2026-01-15T08:00:00.000Z');
  });
});

describe('the horizon and giving up', () => {
  const now = utc('2026-01-15T00:30');
  // Every post slot (09:00, 15:00) from Thu 15 Jan through Fri 13 Feb: all 60 within 30 days of now.
  const everyPostSlot = Array.from({ length: 30 }, (_, d) => {
    const day = new Date(Date.parse('2026-01-15T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);
    return posts(`${day}T09:00`, `${day}T15:00`);
  }).flat();

  it('all slots within 30 days taken: none, naming why; a 31-day horizon reaches Sat 14 Feb 09:00', () => {
    expect(nextFreeSlot(post({ now, occupied: everyPostSlot }))).toEqual({
      none: true,
      cause: 'all-taken',
      reason: 'Every post slot in the next 30 days is taken.',
    });
    expect(taken(nextFreeSlot(post({ now, occupied: everyPostSlot, horizonDays: 31 }))).at).toBe(
      '2026-02-14T09:00:00.000Z',
    );
  });

  it('a slot exactly at the horizon is inside it', () => {
    // Horizon 1 day from 09:00: slots 15:00 (taken) and Fri 09:00 = now + 24 h.
    const input = post({ now: utc('2026-01-15T09:00'), horizonDays: 1, occupied: posts('2026-01-15T15:00') });
    expect(taken(nextFreeSlot(input)).at).toBe('2026-01-16T09:00:00.000Z');
  });

  it('every free slot over the Instagram limit: none, naming the limit', () => {
    // Limit 1: a post every 12 h at 03:00 and 15:00 puts every slot within 24 h of one.
    const instagramTimes = instagramRun('2026-01-14T03:00', 8, 12 * 60);
    const input = post({ now, horizonDays: 2, instagramLimit: 1, instagramTimes });
    expect(nextFreeSlot(input)).toEqual({
      none: true,
      cause: 'instagram-limit',
      reason:
        "Every free post slot in the next 2 days would go over Instagram's limit of 1 post in 24 hours.",
    });
  });

  it('a horizon too short to hold a slot: none', () => {
    expect(nextFreeSlot(lightReel({ horizonDays: 0 }))).toEqual({
      none: true,
      cause: 'no-slot-in-horizon',
      reason: 'No reel slot falls within the next 0 days.',
    });
  });
});

describe('checkSlot for a manual time or a calendar drop (now Thu 15 Jan 10:30 Lisbon)', () => {
  const now = utc('2026-01-15T10:30');
  const check = (atIso: string, overrides: Partial<SlotRulesInput> = {}, kind: 'reel' | 'post' = 'reel') =>
    checkSlot({ ...base, now, kind, ...overrides, at: utc(atIso) });

  it('accepts any minute that passes the rules, on the grid or not', () => {
    expect(check('2026-01-15T17:00')).toEqual({ ok: true });
    expect(check('2026-01-15T17:07')).toEqual({ ok: true });
  });

  it('refuses the past, and now itself', () => {
    expect(check('2026-01-15T10:00')).toEqual({
      ok: false,
      refusal: 'in-past',
      reason: 'Thu 15 Jan 10:00 is in the past.',
    });
    expect(check('2026-01-15T10:30')).toMatchObject({ ok: false, refusal: 'in-past' });
  });

  it('refuses a time beyond the horizon and names the latest', () => {
    expect(check('2026-02-14T10:30')).toEqual({ ok: true });
    expect(check('2026-02-14T10:31')).toEqual({
      ok: false,
      refusal: 'beyond-horizon',
      reason: 'Sat 14 Feb 10:31 is more than 30 days ahead; the latest is Sat 14 Feb 10:30.',
    });
  });

  it('refuses an instant another item of the same kind holds', () => {
    const occupied = [...reels('2026-01-15T17:00'), ...posts('2026-01-15T15:00')];
    expect(check('2026-01-15T17:00', { occupied })).toEqual({
      ok: false,
      refusal: 'slot-taken',
      reason: 'Another reel of this brand is already scheduled at Thu 15 Jan 17:00.',
    });
    expect(check('2026-01-15T17:00', { occupied }, 'post')).toEqual({ ok: true });
    expect(check('2026-01-15T15:00', { occupied }, 'post')).toMatchObject({ refusal: 'slot-taken' });
    expect(check('2026-01-15T17:01', { occupied })).toEqual({ ok: true });
  });

  it("refuses Instagram's 51st in 24 h and says when the window frees up", () => {
    // 50 posts from Wed 14 Jan 12:00Z every 10 min (to 20:10Z): full until Thu 15 Jan 12:00Z.
    const instagramTimes = instagramRun('2026-01-14T12:00', 50, 10);
    const refused = check('2026-01-15T11:00', { instagramTimes });
    expect(refused).toEqual({
      ok: false,
      refusal: 'instagram-limit',
      reason:
        "This would be the brand's 51st Instagram post within 24 hours (Instagram allows 50); " +
        'the window frees up at Thu 15 Jan 12:00.',
      freesUpAt: utc('2026-01-15T12:00'),
    });
    expect(check('2026-01-15T12:00', { instagramTimes })).toEqual({ ok: true });
    expect(check('2026-01-15T11:00', { instagramTimes, targetsInstagram: false })).toEqual({ ok: true });
  });

  it('words times in the creator zone: New York sees 07:00 EST for 12:00Z', () => {
    expect(check('2026-01-15T12:00', { timeZone: NEW_YORK, now: utc('2026-01-15T13:00') })).toEqual({
      ok: false,
      refusal: 'in-past',
      reason: 'Thu 15 Jan 07:00 is in the past.',
    });
  });
});
