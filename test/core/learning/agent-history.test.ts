import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

/**
 * learning.agentHistory's weights series, which the Agents page charts: it starts with the mix
 * the agent began with, whether that was logged at its birth (a spawn) or, for the built-in
 * agents that have no spawn log, is only known as the "before" of their first change.
 */

let t: TempCore;

beforeEach(async () => {
  t = await openTempCore({ start: '2026-11-03T10:00:00.000Z', startRenderQueue: false });
  await t.call('settings.set', { values: { spawnAgentPerBrand: false } });
  await t.call('brands.create', sampleBrand);
});
afterEach(async () => {
  await t.close();
});

describe('an agent’s strategy weights over time', () => {
  it('starts a built-in agent at its creation with the weights its first change started from', async () => {
    expect((await t.call('learning.agentHistory', { agentId: 'toby' })).weights).toEqual([]);
    const toby = (await t.call('agents.list')).find((a) => a.agentId === 'toby')!;

    t.clock.set('2026-11-10T10:00:00.000Z');
    await t.call('agents.update', {
      agentId: 'toby',
      patch: { strategyWeights: { explore: 0.5, iterate: 0.1, double_down: 0.3, trending: 0.1 } },
    });
    t.clock.set('2026-11-12T10:00:00.000Z');
    await t.call('agents.update', {
      agentId: 'toby',
      patch: { strategyWeights: { explore: 0.4, iterate: 0.2, double_down: 0.3, trending: 0.1 } },
    });

    const history = await t.call('learning.agentHistory', { agentId: 'toby' });
    expect(history.weights).toEqual([
      { at: toby.createdAt, weights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 } },
      {
        at: '2026-11-10T10:00:00.000Z',
        weights: { explore: 0.5, iterate: 0.1, double_down: 0.3, trending: 0.1 },
      },
      {
        at: '2026-11-12T10:00:00.000Z',
        weights: { explore: 0.4, iterate: 0.2, double_down: 0.3, trending: 0.1 },
      },
    ]);
  });

  it('starts an agent born with a spawn log at that log, once', async () => {
    const agent = await t.call('agents.create', { brandId: sampleBrand.id });
    t.clock.set('2026-11-10T10:00:00.000Z');
    const next = Object.fromEntries(
      Object.keys(agent.strategyWeights).map((name, i, all) => [
        name,
        i === 0 ? 1 - 0.1 * (all.length - 1) : 0.1,
      ]),
    );
    await t.call('agents.update', { agentId: agent.agentId, patch: { strategyWeights: next } });

    const history = await t.call('learning.agentHistory', { agentId: agent.agentId });
    expect(history.weights.map((w) => w.at)).toEqual([agent.createdAt, '2026-11-10T10:00:00.000Z']);
    expect(history.weights[0]!.weights).toEqual(agent.strategyWeights);
  });
});
