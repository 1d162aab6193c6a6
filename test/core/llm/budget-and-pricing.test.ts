import { describe, expect, it } from 'vitest';
import { budgetWindows, evaluateBudget, formatUsd } from '../../../src-main/core/llm/budget';
import { estimateCostUsd, readTokenUsage } from '../../../src-main/core/llm/pricing';

describe('budget windows', () => {
  it('are the UTC day and UTC clock hour around now', () => {
    const w = budgetWindows(new Date('2026-12-31T23:59:59.999Z'));
    expect(w.day.start.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(w.day.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(w.hour.start.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(w.hour.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('evaluateBudget', () => {
  const now = new Date('2026-11-25T10:20:00.000Z');

  it('never blocks with no limits (0), and reports the budgets as null', () => {
    const verdict = evaluateBudget(now, { dayUsd: 1_000, hourUsd: 1_000 }, { dailyUsd: 0, hourlyUsd: 0 });
    expect(verdict).toMatchObject({ blocked: false, blockedReason: null });
    expect(verdict.day).toEqual({
      spentUsd: 1_000,
      budgetUsd: null,
      startsAt: '2026-11-25T00:00:00.000Z',
      resetsAt: '2026-11-26T00:00:00.000Z',
      exhausted: false,
    });
  });

  it('blocks at the limit, not only above it', () => {
    expect(evaluateBudget(now, { dayUsd: 2, hourUsd: 0 }, { dailyUsd: 2, hourlyUsd: 0 }).blocked).toBe(true);
    expect(evaluateBudget(now, { dayUsd: 1.99, hourUsd: 0 }, { dailyUsd: 2, hourlyUsd: 0 }).blocked).toBe(
      false,
    );
  });

  it('names the window that resets last when both are used up', () => {
    const verdict = evaluateBudget(now, { dayUsd: 3, hourUsd: 1 }, { dailyUsd: 2, hourlyUsd: 0.5 });
    expect(verdict.day.exhausted && verdict.hour.exhausted).toBe(true);
    expect(verdict.blockedReason).toMatch(
      /^The daily LLM budget is used up: \$3\.00 spent of \$2\.00 today \(UTC\)/,
    );
  });

  it('explains an hourly block with the hour it started and when it resets', () => {
    const verdict = evaluateBudget(now, { dayUsd: 1, hourUsd: 0.75 }, { dailyUsd: 5, hourlyUsd: 0.5 });
    expect(verdict.blockedReason).toBe(
      'The hourly LLM budget is used up: $0.75 spent of $0.50 since 10:00 UTC. New LLM calls resume when it ' +
        'resets at 11:00 UTC (2026-11-25T11:00:00.000Z); raise the budget in Settings to go on now.',
    );
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.5, '$0.50'],
    [12, '$12.00'],
    [1.234, '$1.23'],
    [0.123456, '$0.1235'],
    [0.0005, '$0.0005'],
    [0.001302, '$0.001302'],
  ])('%s → %s', (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });
});

describe('pricing', () => {
  it('prices deepseek-chat per million tokens, cache hits at their own rate', () => {
    expect(
      estimateCostUsd('deepseek-chat', {
        promptTokens: 1_000_000,
        completionTokens: 0,
        cachedPromptTokens: 0,
      }),
    ).toBeCloseTo(0.28, 10);
    expect(
      estimateCostUsd('deepseek-chat', {
        promptTokens: 0,
        completionTokens: 1_000_000,
        cachedPromptTokens: 0,
      }),
    ).toBeCloseTo(0.42, 10);
    expect(
      estimateCostUsd('DeepSeek-Chat', {
        promptTokens: 1_000_000,
        completionTokens: 0,
        cachedPromptTokens: 1_000_000,
      }),
    ).toBeCloseTo(0.028, 10);
  });

  it('counts unknown models (local ones) as free', () => {
    expect(
      estimateCostUsd('llama3.1:8b', { promptTokens: 5_000, completionTokens: 5_000, cachedPromptTokens: 0 }),
    ).toBe(0);
  });

  it('reads usage from DeepSeek, OpenAI and servers that report none', () => {
    expect(readTokenUsage({ prompt_tokens: 10, completion_tokens: 5, prompt_cache_hit_tokens: 4 })).toEqual({
      promptTokens: 10,
      completionTokens: 5,
      cachedPromptTokens: 4,
    });
    expect(
      readTokenUsage({
        prompt_tokens: 10,
        completion_tokens: 5,
        prompt_tokens_details: { cached_tokens: 3 },
      }),
    ).toEqual({
      promptTokens: 10,
      completionTokens: 5,
      cachedPromptTokens: 3,
    });
    expect(readTokenUsage(undefined)).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      cachedPromptTokens: 0,
    });
    expect(readTokenUsage({ prompt_tokens: -3, completion_tokens: 'x' })).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      cachedPromptTokens: 0,
    });
  });
});
