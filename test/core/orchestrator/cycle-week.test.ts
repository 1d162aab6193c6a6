import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsValues } from '../../../src-main/core/contract/settings';
import { maestroCycles, type CycleServices } from '../../../src-main/core/orchestrator/maestro-cycles';
import { Orchestrator } from '../../../src-main/core/orchestrator/orchestrator';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

/**
 * A simulated week on the real cycle table and a real SQLite file, with the work of each cycle
 * replaced by a counter: the week of 2027-03-22 (Monday) in Europe/Lisbon, whose Sunday is the
 * spring DST change (01:00 UTC: 01:00 → 02:00 local), with a ten-hour sleep from Wednesday
 * 17:00 to Thursday 03:00 UTC (no ticks at all, as with a closed laptop). One tick a minute.
 */
const T0 = Date.parse('2027-03-22T00:00:00.000Z');
const MINUTE = 60_000;
const SLEEP_FROM = 3900; // Wed 17:00 UTC: the last tick before the sleep
const WAKE_AT = 4500; // Thu 03:00 UTC: ten hours later
const LAST = 7 * 24 * 60 - 1;

let t: TempCore;
let runs: Record<string, string[]>;
let order: string[];
let drained = false;
let evolvedAfterDrain: boolean[];

function services(failing: Set<string> = new Set()): CycleServices {
  const hit = (id: string) => {
    if (failing.has(id)) throw new Error(`${id} broke`);
    (runs[id] ??= []).push(t.clock.now().toISOString());
    order.push(id);
  };
  return {
    scheduleReadyRenders: async () => (hit('check'), 0),
    burst: { catchUp: async () => false, check: async () => (hit('burst'), true) },
    publishDue: async () => hit('publish'),
    collectMetrics: async () => (hit('observe'), { snapshotsTaken: 0 }),
    scout: async () => (hit('scout'), { newItems: 0 }),
    feedback: async () => (hit('feedback'), { attributedPosts: 0 }),
    healing: async () => (hit('healing'), 'all clear'),
    drainRenders: async () => {
      hit('drain');
      drained = true;
    },
    evolution: async () => {
      hit('evolution');
      evolvedAfterDrain.push(drained);
      drained = false;
      return { ran: true, deaths: [], births: [] };
    },
    diagnostics: async () => (hit('diagnostics'), 'healthy'),
    bootstrap: async () => (hit('bootstrap'), { ran: true, complete: false, newItems: 0 }),
    analysePatterns: async () => (hit('learning'), { found: 0 }),
    consolidatePatterns: async () => (hit('consolidation'), { decayed: 0, deleted: 0 }),
    backup: async () => hit('backup'),
    retention: async () => hit('retention'),
  };
}

async function orchestratorOn(s: CycleServices, errors: string[] = []) {
  const { values } = await t.call('settings.get');
  return new Orchestrator({
    db: t.core.store.db,
    clock: t.clock,
    settings: { values: async () => ({ values: values as SettingsValues }) } as never,
    state: t.core.maestro,
    activity: { record: async (e: { action: string }) => (errors.push(e.action), undefined) } as never,
    events: t.core.events,
    tasks: maestroCycles(s),
  });
}

/** Interval cycle runs: first tick at `first`, then every `every` minutes; once at wake-up. */
function intervalRuns(first: number, every: number): number {
  let n = 0;
  let last = -Infinity;
  for (let m = first; m <= LAST; m++) {
    if (m > SLEEP_FROM && m < WAKE_AT) continue;
    if (m >= last + every) {
      n++;
      last = m;
    }
  }
  return n;
}

beforeEach(async () => {
  t = await openTempCore({ start: new Date(T0).toISOString(), startRenderQueue: false });
  await t.call('settings.set', { values: { burstTimeZone: 'Europe/Lisbon', burstTime: '12:00' } });
  await t.call('maestro.resume');
  runs = {};
  order = [];
  evolvedAfterDrain = [];
});
afterEach(async () => {
  await t.close();
});

describe('the orchestrator over a simulated week', () => {
  it('fires every cycle the expected number of times, once per cycle after a ten-hour sleep, and at local times across DST', async () => {
    const errors: string[] = [];
    const orchestrator = await orchestratorOn(services(), errors);
    orchestrator.start({ manual: true });
    const wakeRuns: string[] = [];
    for (let m = 0; m <= LAST; m++) {
      if (m > SLEEP_FROM && m < WAKE_AT) continue;
      t.clock.set(new Date(T0 + m * MINUTE));
      const started = await orchestrator.tick();
      await orchestrator.idle();
      if (m === WAKE_AT) wakeRuns.push(...started);
    }
    const count = (id: string) => runs[id]?.length ?? 0;
    // Hand-checked examples: publishing every minute, first at minute 1 (20 s stagger): 1…3900
    // and 4500…10079 = 3900 + 5580. Checks every 10 min from minute 1: 390 before the sleep,
    // one at wake-up, 557 after = 948.
    expect(count('publish')).toBe(9480);
    expect(count('check')).toBe(948);
    expect(intervalRuns(1, 10)).toBe(948);
    // Every interval cycle, from its stagger (90 s → minute 2, 150 s → 3, …).
    expect(count('observe')).toBe(intervalRuns(2, 180));
    expect(count('scout')).toBe(intervalRuns(3, 240));
    expect(count('feedback')).toBe(intervalRuns(6, 360));
    expect(count('healing')).toBe(intervalRuns(4, 15));
    expect(count('bootstrap')).toBe(intervalRuns(2, 20));
    expect(count('learning')).toBe(intervalRuns(5, 240));
    expect(count('diagnostics')).toBe(intervalRuns(2, 240));
    expect(count('backup')).toBe(intervalRuns(1, 60));
    expect(count('retention')).toBe(intervalRuns(1, 60));
    expect([count('observe'), count('feedback'), count('healing')]).toEqual([53, 27, 632]);
    // Waking up, every interval cycle runs once (not once per tick it missed), and the 18:00
    // consolidation missed during the sleep runs once too.
    expect(wakeRuns.sort()).toEqual(
      [
        'backup',
        'bootstrap',
        'check',
        'consolidation',
        'diagnostics',
        'feedback',
        'healing',
        'learning',
        'observe',
        'publish',
        'retention',
        'scout',
      ].sort(),
    );
    // Local times: noon every day (11:00 UTC once summer time starts on Sunday).
    expect(runs.burst).toEqual([
      '2027-03-22T12:00:00.000Z',
      '2027-03-23T12:00:00.000Z',
      '2027-03-24T12:00:00.000Z',
      '2027-03-25T12:00:00.000Z',
      '2027-03-26T12:00:00.000Z',
      '2027-03-27T12:00:00.000Z',
      '2027-03-28T11:00:00.000Z',
    ]);
    // Sunday 02:00 local is 01:00 UTC on the day the clocks go forward; renders are drained first.
    expect(runs.evolution).toEqual(['2027-03-28T01:00:00.000Z']);
    expect(evolvedAfterDrain).toEqual([true]);
    // 06:00 and 18:00 local, 14 runs; Wednesday's 18:00 at the wake-up (03:00 UTC Thursday).
    expect(count('consolidation')).toBe(14);
    expect(runs.consolidation).toContain('2027-03-25T03:00:00.000Z');
    expect(runs.consolidation!.slice(-2)).toEqual(['2027-03-28T05:00:00.000Z', '2027-03-28T17:00:00.000Z']);
    expect(errors).toEqual([]);
  });

  it('skips the burst and the learning cycles while paused and catches each up once on resume; upkeep keeps running', async () => {
    const orchestrator = await orchestratorOn(services());
    orchestrator.start({ manual: true });
    const step = async (from: number, to: number) => {
      for (let m = from; m <= to; m++) {
        t.clock.set(new Date(T0 + m * MINUTE));
        await orchestrator.tick();
        await orchestrator.idle();
      }
    };
    await step(0, 600); // Monday until 10:00
    await t.call('maestro.pause');
    runs = {};
    await step(601, 1200); // 10:00–20:00 paused: noon passes, 18:00 passes
    expect(runs.burst).toBeUndefined();
    expect(runs.learning).toBeUndefined();
    expect(runs.consolidation).toBeUndefined();
    expect(runs.publish).toHaveLength(600);
    expect(runs.healing?.length).toBe(40);
    const status = await orchestrator.status();
    expect(status.find((c) => c.id === 'burst')!.nextRunAt).toBeNull();
    await t.call('maestro.resume');
    runs = {};
    await step(1201, 1201);
    // The missed noon burst, the missed 18:00 consolidation and the overdue analysis: once each.
    expect(runs.burst).toEqual(['2027-03-22T20:01:00.000Z']);
    expect(runs.consolidation).toEqual(['2027-03-22T20:01:00.000Z']);
    expect(runs.learning).toEqual(['2027-03-22T20:01:00.000Z']);
  });

  it('logs a failing cycle and keeps the others running; a restart neither repeats nor forgets runs', async () => {
    const errors: string[] = [];
    const orchestrator = await orchestratorOn(services(new Set(['scout'])), errors);
    orchestrator.start({ manual: true });
    for (let m = 0; m <= 300; m++) {
      t.clock.set(new Date(T0 + m * MINUTE));
      await orchestrator.tick();
      await orchestrator.idle();
    }
    // The scout ran (and failed) at minutes 3 and 243; publishing never missed a minute.
    expect(errors).toEqual(['Trend scout failed', 'Trend scout failed']);
    expect(runs.publish).toHaveLength(300);
    const scout = (await orchestrator.status()).find((c) => c.id === 'scout')!;
    expect(scout).toMatchObject({ lastOutcome: 'failed', lastError: 'scout broke', failures: 2, runs: 2 });
    // A new orchestrator on the same file (a restart at minute 301): feedback ran at minute 6, so
    // it is not due again until minute 366, and observe (ran at 2, 182) not before 362.
    const restarted = await orchestratorOn(services());
    restarted.start({ manual: true });
    runs = {};
    for (let m = 301; m <= 370; m++) {
      t.clock.set(new Date(T0 + m * MINUTE));
      await restarted.tick();
      await restarted.idle();
    }
    expect(runs.feedback).toEqual([new Date(T0 + 366 * MINUTE).toISOString()]);
    expect(runs.observe).toEqual([new Date(T0 + 362 * MINUTE).toISOString()]);
  });
});
