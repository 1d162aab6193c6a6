export type ContentType = 'reel' | 'post';

export interface BurstTask {
  brandId: string;
  agentId: string;
  contentType: ContentType;
  count: number;
}

export interface BurstPlanInput {
  brandIds: readonly string[];
  /** Active agents in creation order. */
  agentIds: readonly string[];
  targets: Readonly<Record<ContentType, number>>;
  /** Originals already written today for a brand and type (a smart burst fills only the rest). */
  done: (brandId: string, contentType: ContentType) => number;
  /** Changes daily, so the agent that starts the split (and writes the posts) rotates. */
  rotation: number;
}

/**
 * Splits each brand's missing reels and posts as evenly as possible across agents. The agent
 * order is rotated by day, brand and type, so with more agents than posts every agent still
 * gets posts over a few days (the original always gave posts to the first two agents).
 */
export function planBurst(input: BurstPlanInput): BurstTask[] {
  const n = input.agentIds.length;
  if (n === 0) return [];
  const tasks: BurstTask[] = [];
  input.brandIds.forEach((brandId, brandIndex) => {
    (['reel', 'post'] as const).forEach((contentType, typeIndex) => {
      const remaining = Math.max(0, input.targets[contentType] - input.done(brandId, contentType));
      if (remaining === 0) return;
      const base = Math.floor(remaining / n);
      const extra = remaining % n;
      // Each day and brand moves the start by the number of items, so consecutive days hand the
      // scarce posts to the next agents in line; posts start half-way round from reels.
      const step =
        (input.rotation * input.brandIds.length + brandIndex) * remaining + typeIndex * Math.ceil(n / 2);
      const start = ((step % n) + n) % n;
      for (let k = 0; k < n; k++) {
        const count = base + (k < extra ? 1 : 0);
        if (count > 0) tasks.push({ brandId, agentId: input.agentIds[(start + k) % n]!, contentType, count });
      }
    });
  });
  return tasks;
}
