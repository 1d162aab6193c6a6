import { afterEach, describe, expect, it } from 'vitest';
import { llmOutcomes } from '../../../src-main/core/contract/llm';
import { reply } from '../../fakes/fake-openai-server';
import { openTempCore, type TempCore } from '../../helpers/temp-core';
import { failureOf, ideaRequest, openLlmHarness, type LlmHarness } from './llm-harness';

let h: LlmHarness | undefined;
let t: TempCore | undefined;
afterEach(async () => {
  await h?.close();
  await t?.close();
  h = undefined;
  t = undefined;
});

const idea = { title: 'Sleep', hooks: ['a'] };
const zeroCalls = Object.fromEntries(llmOutcomes.map((o) => [o, 0]));

describe('llm.usage', () => {
  it('starts empty, unlimited and unblocked', async () => {
    t = await openTempCore();
    expect(await t.call('llm.usage')).toEqual({
      day: {
        spentUsd: 0,
        budgetUsd: null,
        startsAt: '2026-11-25T00:00:00.000Z',
        resetsAt: '2026-11-26T00:00:00.000Z',
        exhausted: false,
      },
      hour: {
        spentUsd: 0,
        budgetUsd: null,
        startsAt: '2026-11-25T10:00:00.000Z',
        resetsAt: '2026-11-25T11:00:00.000Z',
        exhausted: false,
      },
      callsByOutcome: zeroCalls,
      tokensToday: { in: 0, out: 0 },
      blocked: false,
      blockedReason: null,
      checkedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('sums today and this hour against the budgets and counts attempts by outcome', async () => {
    h = await openLlmHarness({ settings: { llmDailyBudgetUsd: 5, llmHourlyBudgetUsd: 0.002 } });
    const usage = { prompt_tokens: 2_000, completion_tokens: 1_000 }; // $0.00098 each
    // Yesterday: counted nowhere today.
    h.clock.set('2026-11-24T23:30:00.000Z');
    h.fake.enqueue(reply.json(idea, { usage }));
    await h.t.core.llm.completeJson(ideaRequest());
    // Today 09:10: in the day, not in the 10:00 hour.
    h.clock.set('2026-11-25T09:10:00.000Z');
    h.fake.enqueue(reply.serverError(500), reply.json(idea, { usage }));
    await h.t.core.llm.completeJson(ideaRequest());
    // Today 10:05: in both; one of them answers with bad JSON (still paid for).
    h.clock.set('2026-11-25T10:05:00.000Z');
    h.fake.enqueue(reply.content('{"title": "x", hooks: ["a",]}', { usage }));
    h.fake.enqueue(reply.content('no json', { usage }));
    await h.t.core.llm.completeJson(ideaRequest());
    await failureOf(h.t.core.llm.completeJson(ideaRequest()));

    const summary = await h.t.call('llm.usage');
    expect(summary.day.spentUsd).toBeCloseTo(3 * 0.00098, 12);
    expect(summary.day.budgetUsd).toBe(5);
    expect(summary.hour.spentUsd).toBeCloseTo(2 * 0.00098, 12);
    expect(summary.hour.budgetUsd).toBe(0.002);
    expect(summary.callsByOutcome).toEqual({
      ...zeroCalls,
      ok: 1,
      server_error: 1,
      repaired: 1,
      bad_json: 1,
    });
    expect(summary.tokensToday).toEqual({ in: 6_000, out: 3_000 });
    expect(summary).toMatchObject({ blocked: false, blockedReason: null });

    h.fake.enqueue(reply.json(idea, { usage }));
    await h.t.core.llm.completeJson(ideaRequest());
    const blocked = await h.t.call('llm.usage');
    expect(blocked.hour.exhausted).toBe(true);
    expect(blocked.blocked).toBe(true);
    expect(blocked.blockedReason).toContain('The hourly LLM budget is used up: $0.00294 spent of $0.002');
    await expect(h.t.core.llm.completeJson(ideaRequest())).rejects.toMatchObject({
      code: 'budget_exhausted',
    });
    expect((await h.t.call('llm.usage')).callsByOutcome.budget_exhausted).toBe(1);
  });
});

describe('LLM settings', () => {
  it('defaults: 2 min timeout, 4 at once, no spend limits', async () => {
    t = await openTempCore();
    expect((await t.call('settings.get')).values).toMatchObject({
      llmTimeoutMs: 120_000,
      llmMaxConcurrency: 4,
      llmDailyBudgetUsd: 0,
      llmHourlyBudgetUsd: 0,
    });
  });

  it('saves valid values', async () => {
    t = await openTempCore();
    const values = {
      llmTimeoutMs: 30_000,
      llmMaxConcurrency: 1,
      llmDailyBudgetUsd: 2.5,
      llmHourlyBudgetUsd: 0.25,
    };
    await t.call('settings.set', { values });
    t = await t.reopen();
    const view = await t.call('settings.get');
    expect(view.values).toMatchObject(values);
    expect(view.sources).toMatchObject({ llmTimeoutMs: 'saved', llmDailyBudgetUsd: 'saved' });
  });

  it.each([
    ['a timeout under a second', { llmTimeoutMs: 999 }],
    ['a timeout over ten minutes', { llmTimeoutMs: 600_001 }],
    ['a fractional timeout', { llmTimeoutMs: 1_500.5 }],
    ['no concurrency', { llmMaxConcurrency: 0 }],
    ['fractional concurrency', { llmMaxConcurrency: 1.5 }],
    ['too much concurrency', { llmMaxConcurrency: 33 }],
    ['a negative daily budget', { llmDailyBudgetUsd: -1 }],
    ['a negative hourly budget', { llmHourlyBudgetUsd: -0.01 }],
    ['a budget as text', { llmDailyBudgetUsd: '5' }],
    ['a budget of null', { llmHourlyBudgetUsd: null }],
  ])('rejects %s', async (_label, values) => {
    t = await openTempCore();
    const result = await t.invoke('settings.set', { values });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(Object.values((await t.call('settings.get')).sources)).not.toContain('saved');
  });
});
