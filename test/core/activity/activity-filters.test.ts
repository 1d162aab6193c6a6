import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-main/core/contract/operations';
import { openStore } from '../../../src-main/core/store/open-database';
import { planOf, recordStatements } from '../../helpers/recorded-statements';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeYearOfData } from '../../helpers/year-of-data';

/** The activity feed narrowed to an agent, a brand and a kind, on a real SQLite file. */

describe('activity filters', () => {
  let t: TempCore;
  beforeAll(async () => {
    t = await openTempCore();
    t.core.store.sqlite.exec('DELETE FROM activity_log');
    const log = (agent: string | null, brandId: string | null, level: 'action' | 'error', action: string) =>
      t.core.store.db
        .insertInto('activity_log')
        .values({
          at: t.clock.now().toISOString(),
          agent,
          brand_id: brandId,
          action,
          detail: `${action} detail`,
          level,
        })
        .execute();
    await log('maestro', null, 'action', 'Daily burst started');
    await log('toby', 'alpha', 'action', 'Proposed magnesium reel');
    await log('toby', 'bravo', 'error', 'Proposal failed');
    await log('lexi', 'alpha', 'error', 'Examination failed');
    await log(null, 'alpha', 'action', 'Published on Instagram');
    await log('healer', 'bravo', 'action', 'Render retried');
  });
  afterAll(async () => t.close());

  const actions = async (input: InputOf<'activity.list'>) =>
    (await t.call('activity.list', input)).map((e) => e.action);

  it('narrows by agent, brand and kind, alone or together, newest first', async () => {
    expect(await actions({ agent: 'toby' })).toEqual(['Proposal failed', 'Proposed magnesium reel']);
    expect(await actions({ brandId: 'alpha' })).toEqual([
      'Published on Instagram',
      'Examination failed',
      'Proposed magnesium reel',
    ]);
    expect(await actions({ level: 'error' })).toEqual(['Examination failed', 'Proposal failed']);
    expect(await actions({ agent: 'toby', brandId: 'alpha' })).toEqual(['Proposed magnesium reel']);
    expect(await actions({ brandId: 'alpha', level: 'error' })).toEqual(['Examination failed']);
    expect(await actions({ agent: 'healer', brandId: 'alpha' })).toEqual([]);
  });

  it('pages a filtered feed by id, and searches within the filters', async () => {
    const [first] = await t.call('activity.list', { brandId: 'alpha', limit: 1 });
    expect(first).toMatchObject({ action: 'Published on Instagram', brandId: 'alpha', agent: null });
    expect(await actions({ brandId: 'alpha', beforeId: first!.id, limit: 1 })).toEqual([
      'Examination failed',
    ]);
    expect(await actions({ search: 'failed' })).toEqual(['Examination failed', 'Proposal failed']);
    expect(await actions({ search: 'failed', brandId: 'bravo' })).toEqual(['Proposal failed']);
    expect(await actions({ search: 'failed', agent: 'lexi', level: 'error' })).toEqual([
      'Examination failed',
    ]);
    expect(await actions({ search: 'failed', level: 'action' })).toEqual([]);
  });

  it('records the brand an entry is about, and keeps entries without one (and older ones) unfiltered', async () => {
    const created = await t.call('brands.create', sampleBrand);
    const [entry] = await t.call('activity.list', { brandId: created.id });
    expect(entry).toMatchObject({ action: 'Brand created', brandId: created.id });
    const all = await t.call('activity.list', { limit: 500 });
    expect(all.filter((e) => e.brandId === null).map((e) => e.action)).toContain('Daily burst started');
  });

  it('refuses a filter that is not one', async () => {
    expect((await t.invoke('activity.list', { level: 'warning' })).ok).toBe(false);
    expect((await t.invoke('activity.list', { brandId: 'Not A Brand!' })).ok).toBe(false);
    expect((await t.invoke('activity.list', { agent: '' })).ok).toBe(false);
  });
});

describe('activity filter plans', () => {
  const END = '2026-11-25T10:00:00.000Z';
  let t: TempCore;
  let cleanup: () => void;
  beforeAll(async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const store = await openStore(join(temp.dir, 'maestro.db'));
    writeYearOfData(store.sqlite, { end: new Date(END), scale: 0.03 });
    // Most entries are about a brand (as the app now writes them).
    store.sqlite.exec(
      "UPDATE activity_log SET brand_id = CASE id % 3 WHEN 0 THEN NULL WHEN 1 THEN 'brand-01' ELSE 'brand-02' END",
    );
    await store.close();
    t = await openTempCore({ dir: temp.dir, start: END });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    cleanup?.();
  });

  it('reads each filter (and each pair) as an index range in id order, never the whole log or a sort', async () => {
    const recorder = recordStatements(t.core.store.sqlite);
    const agent = (await t.call('activity.list', { limit: 1 }))[0]!.agent!;
    const problems: string[] = [];
    for (const filter of [
      { agent },
      { brandId: 'brand-01' },
      { level: 'error' as const },
      { agent, brandId: 'brand-02' },
      { brandId: 'brand-01', level: 'action' as const },
      { agent, level: 'data' as const },
      { agent, brandId: 'brand-01', level: 'error' as const },
    ]) {
      for (const page of [{}, { beforeId: 2_000 }]) {
        recorder.take();
        const entries = await t.call('activity.list', { limit: 100, ...filter, ...page });
        for (const entry of entries) {
          if (filter.agent) expect(entry.agent).toBe(filter.agent);
          if ('brandId' in filter) expect(entry.brandId).toBe(filter.brandId);
          if ('level' in filter) expect(entry.level).toBe(filter.level);
        }
        const statements = recorder.take();
        expect(statements.some((s) => /from "activity_log"/.test(s.sql))).toBe(true);
        for (const statement of statements) {
          const plan = planOf(t.core.store.sqlite, statement);
          for (const step of plan) {
            if (/^SCAN activity_log\b/.test(step) || /USE TEMP B-TREE FOR .*ORDER BY/.test(step))
              problems.push(`${JSON.stringify(filter)}: ${step}`);
          }
        }
      }
    }
    recorder.stop();
    expect(problems).toEqual([]);
  });
});
