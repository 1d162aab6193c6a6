import { strategyNames } from '../../src-main/core/agents/strategies';
import { seededRandom } from '../../src-main/core/ports/random';
import { fnv1a } from '../../test/fakes/fake-audience';
import type { World } from './world';

const WEEK_MS = 7 * 86_400_000;

/**
 * A stable uniform in (0, 1) from a key: the first mulberry32 draw seeded with the key's FNV-1a,
 * moved half a step (2^-33) off 0 so Box–Muller's log never sees it. The world's dice.
 */
export function unit(key: string): number {
  return seededRandom(fnv1a(key)).next() + 2 ** -33;
}

/** A stable standard normal from a key (Box–Muller on two keyed uniforms). */
export function normal(key: string): number {
  return Math.sqrt(-2 * Math.log(unit(`${key}|a`))) * Math.cos(2 * Math.PI * unit(`${key}|b`));
}

/**
 * The hidden truth of one world and seed: each strategy's engagement rate for a brand and topic
 * in a given week. The app never sees it; the audience draws every post from it and the regret
 * is measured against it.
 */
export class Truth {
  private readonly drift = new Map<string, number[]>();

  constructor(
    readonly world: World,
    readonly seed: number,
  ) {}

  /** Whole weeks since the world started (week 0 is the first). */
  week(at: Date): number {
    return Math.max(0, Math.floor((at.getTime() - Date.parse(this.world.start)) / WEEK_MS));
  }

  rate(brandId: string, topic: string, strategy: string, week: number): number {
    const brand = this.world.brands.find((b) => b.id === brandId);
    if (!brand) return 0;
    const base = brand.rates[strategy as keyof typeof brand.rates] ?? 0;
    const topicFactor = Math.exp(
      this.world.topicSpread * normal(`${this.seed}|topic|${brandId}|${topic}|${strategy}`),
    );
    return Math.min(1, base * topicFactor * Math.exp(this.driftOf(brandId, strategy, week)));
  }

  /** The best rate any strategy has for this brand, topic and week: what the oracle gets. */
  best(brandId: string, topic: string, week: number): { strategy: string; rate: number } {
    let best = { strategy: strategyNames[0]!, rate: -1 };
    for (const s of strategyNames) {
      const r = this.rate(brandId, topic, s, week);
      if (r > best.rate) best = { strategy: s, rate: r };
    }
    return best;
  }

  /** The brand's mean rate over strategies at week 0: the scale reach is measured against. */
  meanRate(brandId: string): number {
    const brand = this.world.brands.find((b) => b.id === brandId)!;
    const rates = Object.values(brand.rates);
    return rates.reduce((a, b) => a + b, 0) / rates.length;
  }

  /** Log-drift of a (brand, strategy) after `week` weeks: a random walk drawn from the seed. */
  private driftOf(brandId: string, strategy: string, week: number): number {
    const key = `${brandId}|${strategy}`;
    let walk = this.drift.get(key);
    if (!walk) {
      walk = [0];
      this.drift.set(key, walk);
    }
    while (walk.length <= week) {
      const w = walk.length;
      walk.push(walk[w - 1]! + this.world.weeklyDrift * normal(`${this.seed}|drift|${key}|${w}`));
    }
    return walk[week]!;
  }
}
