import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickAgentIdentity } from '../../../src-main/core/agents/agent-names';
import { normaliseWeights, randomDna } from '../../../src-main/core/agents/dna';
import { tierForRank } from '../../../src-main/core/agents/tiers';
import { seededRandom } from '../../../src-main/core/ports/random';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

describe('agent DNA (pure)', () => {
  it('normalises weights to 2 dp summing to exactly 1, remainder to the first', () => {
    expect(normaliseWeights(['a', 'b', 'c'], { a: 1, b: 1, c: 1 })).toEqual({ a: 0.34, b: 0.33, c: 0.33 });
    expect(normaliseWeights(['a', 'b'], { a: 0, b: 0 })).toEqual({ a: 1, b: 0 });
  });

  it('draws random DNA reproducibly from a seed, inside the documented ranges', () => {
    const a = randomDna(seededRandom(7), 'p');
    expect(randomDna(seededRandom(7), 'p')).toEqual(a);
    for (let seed = 1; seed < 50; seed++) {
      const dna = randomDna(seededRandom(seed), 'p');
      expect(dna.temperature).toBeGreaterThanOrEqual(0.7);
      expect(dna.temperature).toBeLessThanOrEqual(0.95);
      expect([4, 5]).toContain(dna.strategyNames.length);
      expect(new Set(dna.strategyNames).size).toBe(dna.strategyNames.length);
      expect(Object.values(dna.strategyWeights).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    }
  });

  it('never reuses an agent id, even of a retired agent with the same name', () => {
    const random = seededRandom(1);
    const takenNames = new Set<string>();
    const ids = new Set<string>(['atlas', 'nova']);
    for (let i = 0; i < 60; i++) {
      const identity = pickAgentIdentity(random, takenNames, ids);
      expect(ids.has(identity.agentId)).toBe(false);
      ids.add(identity.agentId);
      takenNames.add(identity.displayName);
    }
    expect(ids.size).toBe(62);
  });

  it('tiers by rank: n=2 → 1/1/0, n=5 → 2/2/1, n=10 → 4/4/2', () => {
    const tiers = (n: number) => Array.from({ length: n }, (_, r) => tierForRank(r, n));
    expect(tiers(2)).toEqual(['thriving', 'surviving']);
    expect(tiers(5)).toEqual(['thriving', 'thriving', 'surviving', 'surviving', 'struggling']);
    expect(tiers(10).filter((t) => t === 'struggling')).toHaveLength(2);
  });
});

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(async () => {
  await t.close();
});

describe('agent population', () => {
  it('seeds Toby and Lexi once, as protected built-ins', async () => {
    const agents = await t.call('agents.list');
    expect(agents.map((a) => a.agentId).sort()).toEqual(['lexi', 'toby']);
    expect(agents.every((a) => a.isBuiltin)).toBe(true);
    t = await t.reopen();
    expect(await t.call('agents.list')).toHaveLength(2);
    expect(await t.invoke('agents.retire', { agentId: 'toby' })).toMatchObject({
      ok: false,
      error: { code: 'protected' },
    });
  });

  it('gives every new brand an agent created for it, and never removes agents', async () => {
    await t.call('brands.create', sampleBrand);
    const agents = await t.call('agents.list');
    expect(agents).toHaveLength(3);
    const spawned = agents.find((a) => a.createdForBrand === sampleBrand.id)!;
    expect(spawned.isBuiltin).toBe(false);
    expect(spawned.personality).toContain(`Specialised for ${sampleBrand.id}`);
    await t.call('brands.delete', { id: sampleBrand.id });
    expect(await t.call('agents.list')).toHaveLength(3);
  });

  it('clones, mutates and retires, keeping lineage, generation and the gene pool', async () => {
    const clone = await t.call('agents.clone', { agentId: 'toby' });
    expect(clone.parentAgentId).toBe('toby');
    expect(clone.strategyWeights).toEqual(
      (await t.call('agents.get', { agentId: 'toby' })).agent.strategyWeights,
    );
    expect(clone.riskTolerance).toBe('medium');
    const mutated = await t.call('agents.mutate', { agentId: clone.agentId });
    expect(mutated.generation).toBe(2);
    expect(mutated.mutationCount).toBe(1);
    const retired = await t.call('agents.retire', { agentId: clone.agentId });
    expect(retired.active).toBe(false);
    expect(retired.tier).toBeNull();
    const pool = t.core.store.sqlite.prepare('SELECT source_agent_id, reason FROM gene_pool').all();
    expect(pool).toEqual([{ source_agent_id: clone.agentId, reason: 'manual' }]);
    const detail = await t.call('agents.get', { agentId: clone.agentId });
    expect(detail.learnings.map((l) => l.mutationType)).toEqual(['death', 'manual_mutation', 'spawn']);
    expect((await t.call('agents.list')).map((a) => a.agentId)).not.toContain(clone.agentId);
    expect((await t.call('agents.list', { includeInactive: true })).map((a) => a.agentId)).toContain(
      clone.agentId,
    );
  });

  it('edits DNA with validation: weights must add up to 1, temperature stays in bounds', async () => {
    const bad = await t.invoke('agents.update', {
      agentId: 'lexi',
      patch: { strategyWeights: { analyze: 0.5, refine: 0.2 } },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/add up to 1/) },
    });
    expect(await t.invoke('agents.update', { agentId: 'lexi', patch: { temperature: 1.2 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const edited = await t.call('agents.update', {
      agentId: 'lexi',
      patch: { temperature: 0.8, strategyWeights: { analyze: 0.5, refine: 0.5 } },
    });
    expect(edited).toMatchObject({
      temperature: 0.8,
      strategyNames: ['analyze', 'refine'],
      strategyWeights: { analyze: 0.5, refine: 0.5 },
    });
  });
});
