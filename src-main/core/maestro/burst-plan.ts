export type ContentType = 'reel' | 'post';

export interface BurstTask {
  brandId: string;
  agentId: string;
  contentType: ContentType;
  count: number;
}

/** The DNA fields that shape an agent's share of a burst. */
export interface AgentWorkProfile {
  /** The content types the agent writes; an agent without `post` writes no carousel posts. */
  contentTypes: readonly ContentType[];
  /** The most an agent writes for one brand in one burst while others still have room. */
  proposalsPerBrand: number;
}

export interface BurstPlanInput {
  brandIds: readonly string[];
  /** Active agents in creation order. */
  agentIds: readonly string[];
  /** Per agent id; an agent without a profile writes both types with no cap. */
  profiles?: Readonly<Record<string, AgentWorkProfile>>;
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
 *
 * Two DNA fields the original stored and never used shape the split: `contentTypes` (a type goes
 * only to agents that write it; if none does, to all, so a brand is never left without it) and
 * `proposalsPerBrand` (an agent takes at most that many of a brand's items while another agent
 * still has room; when every agent is full the rest is still shared out evenly, because the
 * creator's daily target comes first).
 */
export function planBurst(input: BurstPlanInput): BurstTask[] {
  if (input.agentIds.length === 0) return [];
  const tasks: BurstTask[] = [];
  input.brandIds.forEach((brandId, brandIndex) => {
    const room = new Map(
      input.agentIds.map((id) => [id, input.profiles?.[id]?.proposalsPerBrand ?? Number.POSITIVE_INFINITY]),
    );
    (['reel', 'post'] as const).forEach((contentType, typeIndex) => {
      const remaining = Math.max(0, input.targets[contentType] - input.done(brandId, contentType));
      if (remaining === 0) return;
      const writers = input.agentIds.filter(
        (id) => input.profiles?.[id]?.contentTypes.includes(contentType) ?? true,
      );
      const agents = writers.length > 0 ? writers : input.agentIds;
      const n = agents.length;
      // Each day and brand moves the start by the number of items, so consecutive days hand the
      // scarce posts to the next agents in line; posts start half-way round from reels.
      const step =
        (input.rotation * input.brandIds.length + brandIndex) * remaining + typeIndex * Math.ceil(n / 2);
      const start = ((step % n) + n) % n;
      const order = agents.map((_, k) => agents[(start + k) % n]!);
      const counts = new Map(order.map((id) => [id, 0]));
      let left = remaining;
      // Round-robin one item at a time to agents with room (an even split when no cap binds),
      // then, if everyone is full, round-robin the rest regardless of caps.
      for (const respectCaps of [true, false]) {
        while (left > 0) {
          let given = 0;
          for (const id of order) {
            if (left === 0) break;
            if (respectCaps && counts.get(id)! >= room.get(id)!) continue;
            counts.set(id, counts.get(id)! + 1);
            left--;
            given++;
          }
          if (given === 0) break;
        }
      }
      for (const id of order) {
        const count = counts.get(id)!;
        room.set(id, Math.max(0, room.get(id)! - count));
        if (count > 0) tasks.push({ brandId, agentId: id, contentType, count });
      }
    });
  });
  return tasks;
}
