import { describe, expect, it } from 'vitest';
import { planBurst } from '../../../src-main/core/maestro/burst-plan';
import {
  dayNumber,
  isDailyBurstDue,
  localDay,
  localMinutes,
} from '../../../src-main/core/maestro/local-time';
import { clampScore, judge } from '../../../src-main/core/examiner/examiner-score';
import { examinerDefaults } from '../../../src-main/core/examiner/defaults';

const total = (
  tasks: ReturnType<typeof planBurst>,
  filter: Partial<{ agentId: string; contentType: string; brandId: string }>,
) =>
  tasks
    .filter((t) => Object.entries(filter).every(([k, v]) => t[k as keyof typeof t] === v))
    .reduce((n, t) => n + t.count, 0);

describe('burst plan', () => {
  it('splits 6 reels + 2 posts per brand evenly between 2 agents', () => {
    const tasks = planBurst({
      brandIds: ['a', 'b'],
      agentIds: ['toby', 'lexi'],
      targets: { reel: 6, post: 2 },
      done: () => 0,
      rotation: 0,
    });
    for (const brandId of ['a', 'b']) {
      expect(total(tasks, { brandId, agentId: 'toby', contentType: 'reel' })).toBe(3);
      expect(total(tasks, { brandId, agentId: 'lexi', contentType: 'reel' })).toBe(3);
      expect(total(tasks, { brandId, agentId: 'toby', contentType: 'post' })).toBe(1);
      expect(total(tasks, { brandId, agentId: 'lexi', contentType: 'post' })).toBe(1);
    }
  });

  it('with 5 agents every agent writes posts within a few days (the original always picked the first two)', () => {
    const agents = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const postWriters = new Set<string>();
    for (let day = 0; day < 3; day++) {
      const tasks = planBurst({
        brandIds: ['x'],
        agentIds: agents,
        targets: { reel: 6, post: 2 },
        done: () => 0,
        rotation: day,
      });
      expect(total(tasks, { contentType: 'reel' })).toBe(6);
      expect(total(tasks, { contentType: 'post' })).toBe(2);
      tasks.filter((t) => t.contentType === 'post').forEach((t) => postWriters.add(t.agentId));
    }
    expect([...postWriters].sort()).toEqual(agents);
  });

  it('plans only what is missing, and nothing when the day is full or there are no agents', () => {
    const done = (brand: string, type: string) =>
      brand === 'a' && type === 'reel' ? 5 : brand === 'a' ? 2 : 0;
    const tasks = planBurst({
      brandIds: ['a', 'b'],
      agentIds: ['t', 'l'],
      targets: { reel: 6, post: 2 },
      done,
      rotation: 0,
    });
    expect(total(tasks, { brandId: 'a' })).toBe(1);
    expect(total(tasks, { brandId: 'b' })).toBe(8);
    expect(
      planBurst({ brandIds: ['a'], agentIds: [], targets: { reel: 6, post: 2 }, done: () => 0, rotation: 0 }),
    ).toEqual([]);
    expect(
      planBurst({
        brandIds: ['a'],
        agentIds: ['t'],
        targets: { reel: 6, post: 2 },
        done: () => 9,
        rotation: 0,
      }),
    ).toEqual([]);
  });
});

describe('burst plan and the DNA fields contentTypes and proposalsPerBrand', () => {
  const both = ['reel', 'post'] as const;

  it('gives posts only to agents that write posts, and all to someone when nobody does', () => {
    const tasks = planBurst({
      brandIds: ['a'],
      agentIds: ['reeler', 'writer'],
      profiles: {
        reeler: { contentTypes: ['reel'], proposalsPerBrand: 10 },
        writer: { contentTypes: [...both], proposalsPerBrand: 10 },
      },
      targets: { reel: 6, post: 2 },
      done: () => 0,
      rotation: 0,
    });
    expect(total(tasks, { agentId: 'reeler', contentType: 'post' })).toBe(0);
    expect(total(tasks, { agentId: 'writer', contentType: 'post' })).toBe(2);
    expect(total(tasks, { contentType: 'reel' })).toBe(6);
    const nobody = planBurst({
      brandIds: ['a'],
      agentIds: ['r1', 'r2'],
      profiles: {
        r1: { contentTypes: ['reel'], proposalsPerBrand: 10 },
        r2: { contentTypes: ['reel'], proposalsPerBrand: 10 },
      },
      targets: { reel: 0, post: 2 },
      done: () => 0,
      rotation: 0,
    });
    expect(total(nobody, { contentType: 'post' })).toBe(2);
  });

  it('caps an agent at proposalsPerBrand while another has room, and still meets the target when all are full', () => {
    const capped = planBurst({
      brandIds: ['a', 'b'],
      agentIds: ['small', 'big'],
      profiles: {
        small: { contentTypes: [...both], proposalsPerBrand: 2 },
        big: { contentTypes: [...both], proposalsPerBrand: 8 },
      },
      targets: { reel: 6, post: 2 },
      done: () => 0,
      rotation: 0,
    });
    for (const brandId of ['a', 'b']) {
      // 8 items per brand: small takes its 2, big the other 6.
      expect(total(capped, { brandId, agentId: 'small' })).toBe(2);
      expect(total(capped, { brandId, agentId: 'big' })).toBe(6);
    }
    const full = planBurst({
      brandIds: ['a'],
      agentIds: ['x', 'y'],
      profiles: {
        x: { contentTypes: [...both], proposalsPerBrand: 1 },
        y: { contentTypes: [...both], proposalsPerBrand: 1 },
      },
      targets: { reel: 6, post: 2 },
      done: () => 0,
      rotation: 0,
    });
    expect(total(full, {})).toBe(8);
    expect(total(full, { agentId: 'x' })).toBe(4);
    expect(total(full, { agentId: 'y' })).toBe(4);
  });
});

describe('the daily burst clock (Europe/Lisbon)', () => {
  const base = { timeZone: 'Europe/Lisbon', burstTime: '12:00', lastDailyRunDay: null, paused: false };

  it('knows the local day and time across DST', () => {
    // Summer: Lisbon is UTC+1.
    expect(localDay(new Date('2026-07-01T23:30:00Z'), 'Europe/Lisbon')).toBe('2026-07-02');
    expect(localMinutes(new Date('2026-07-01T11:00:00Z'), 'Europe/Lisbon')).toBe(12 * 60);
    // Winter: UTC+0.
    expect(localMinutes(new Date('2026-11-25T11:00:00Z'), 'Europe/Lisbon')).toBe(11 * 60);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('is due from noon local time until it has run, and never while paused', () => {
    expect(isDailyBurstDue({ ...base, now: new Date('2026-11-25T11:59:00Z') })).toBe(false);
    expect(isDailyBurstDue({ ...base, now: new Date('2026-11-25T12:00:00Z') })).toBe(true);
    expect(isDailyBurstDue({ ...base, now: new Date('2026-07-01T11:00:00Z') })).toBe(true);
    expect(
      isDailyBurstDue({ ...base, now: new Date('2026-11-25T18:00:00Z'), lastDailyRunDay: '2026-11-25' }),
    ).toBe(false);
    // Catch-up after a restart the next morning does not fire before noon.
    expect(
      isDailyBurstDue({ ...base, now: new Date('2026-11-26T09:00:00Z'), lastDailyRunDay: '2026-11-24' }),
    ).toBe(false);
    expect(isDailyBurstDue({ ...base, now: new Date('2026-11-25T15:00:00Z'), paused: true })).toBe(false);
  });
});

describe('examiner arithmetic', () => {
  it('weights 0.35/0.35/0.30 and passes at 6.0', () => {
    expect(judge({ avatarFit: 8, engagementPotential: 7.5, contentQuality: 8 }, examinerDefaults)).toEqual({
      composite: 7.83,
      passed: true,
    });
    // 0.35×6 + 0.35×6 + 0.30×5.9 = 5.97 → rejected.
    expect(judge({ avatarFit: 6, engagementPotential: 6, contentQuality: 5.9 }, examinerDefaults)).toEqual({
      composite: 5.97,
      passed: false,
    });
    const strict = {
      threshold: 7,
      weights: { avatarFit: 0.2, engagementPotential: 0.5, contentQuality: 0.3 },
    };
    expect(judge({ avatarFit: 10, engagementPotential: 6, contentQuality: 7 }, strict)).toEqual({
      composite: 7.1,
      passed: true,
    });
  });

  it('clamps scores to 0–10 and reads a missing score as 5', () => {
    expect([
      clampScore(12),
      clampScore(-1),
      clampScore('7.5'),
      clampScore(undefined),
      clampScore('n/a'),
    ]).toEqual([10, 0, 7.5, 5, 5]);
  });
});
