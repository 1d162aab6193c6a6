import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../../src-main/core/ports/random';
import { slotsBetween } from '../../../src-main/core/schedule/slot-grid';
import {
  checkSlot,
  nextFreeSlot,
  type OccupiedSlot,
  type SlotRulesInput,
} from '../../../src-main/core/schedule/slot-plan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Lord Howe moves its clocks by 30 minutes; Chatham is +12:45/+13:45; Kolkata has no DST.
const ZONES = [
  'Europe/Lisbon',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'UTC',
];
// Half the scenarios start within two days of a 2026 clock change, where mistakes would hide.
const NEAR_CHANGES = [
  '2026-03-08T06:00Z',
  '2026-03-29T00:00Z',
  '2026-10-25T00:00Z',
  '2026-11-01T05:00Z',
  '2026-04-04T15:00Z',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)]!;
}
function int(random: Random, low: number, high: number): number {
  return low + Math.floor(random.next() * (high - low + 1));
}

function scenario(seed: number): SlotRulesInput {
  const random = seededRandom(seed);
  const timeZone = pick(random, ZONES);
  const nowMs =
    random.next() < 0.5
      ? Date.parse(pick(random, NEAR_CHANGES)) + int(random, -2 * 24 * 60, 2 * 24 * 60) * MINUTE
      : Date.parse('2026-01-01T00:00Z') + int(random, 0, 364 * 24 * 60) * MINUTE;
  const now = new Date(nowMs);
  const horizonDays = pick(random, [1, 2, 3, 7, 30]);
  const scheduleOffset = int(random, 0, 23);
  const kind = random.next() < 0.7 ? 'reel' : 'post';

  // Occupy many grid slots of this kind (so slots run out and variants back up), plus stray minutes.
  const grid = slotsBetween(
    new Date(nowMs - DAY),
    new Date(nowMs + horizonDays * DAY),
    timeZone,
    scheduleOffset,
    kind,
  );
  const fill = random.next();
  const occupied: OccupiedSlot[] = grid
    .filter(
      (slot) => random.next() < fill && (kind === 'post' || slot.variant === 'light' || random.next() < 0.3),
    )
    .map((slot) => ({ at: slot.at, kind }));
  for (let i = int(random, 0, 10); i > 0; i--) {
    occupied.push({
      at: new Date(nowMs + int(random, -60, horizonDays * 24 * 60) * MINUTE),
      kind: random.next() < 0.5 ? 'reel' : 'post',
    });
  }

  const instagramLimit = pick(random, [1, 3, 5, 50]);
  const instagramTimes = Array.from(
    { length: int(random, 0, instagramLimit * 3) },
    () => new Date(nowMs + int(random, -36 * 60, 48 * 60) * MINUTE),
  );

  const common = {
    now,
    timeZone,
    scheduleOffset,
    occupied,
    instagramTimes,
    targetsInstagram: random.next() < 0.8,
    horizonDays,
    instagramLimit,
  };
  return kind === 'reel'
    ? {
        ...common,
        kind,
        variant: random.next() < 0.5 ? 'light' : 'dark',
        variantBackupHours: pick(random, [0, 4, 24, 72]),
      }
    : { ...common, kind };
}

describe('nextFreeSlot agrees with checkSlot', () => {
  it('for 200 seeded scenarios, the slot it returns passes checkSlot and lies on the grid', () => {
    const outcomes = { slot: 0, none: 0, otherVariant: 0, waited: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const input = scenario(seed);
      const result = nextFreeSlot(input);
      if (result.none) {
        outcomes.none++;
        continue;
      }
      outcomes.slot++;
      if (result.tookOtherVariant) outcomes.otherVariant++;
      if (result.note?.startsWith('Waited')) outcomes.waited++;

      expect(checkSlot({ ...input, at: result.at }), `seed ${seed}`).toEqual({ ok: true });
      const grid = slotsBetween(input.now, result.at, input.timeZone, input.scheduleOffset, input.kind);
      expect(grid.at(-1)?.at, `seed ${seed}`).toEqual(result.at);
      if (input.kind === 'reel' && !result.tookOtherVariant) expect(result.variant).toBe(input.variant);
    }
    // The scenarios reach every branch, so the agreement above is not vacuous.
    expect(outcomes.slot).toBeGreaterThan(100);
    expect(outcomes.none).toBeGreaterThan(0);
    expect(outcomes.otherVariant).toBeGreaterThan(0);
    expect(outcomes.waited).toBeGreaterThan(0);
  });
});
