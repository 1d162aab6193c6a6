/**
 * Pure rules for where the review cursor goes. The queue keeps the id of the selected proposal
 * and the position it was last seen at, so when that proposal leaves the list (reviewed here or
 * elsewhere) the cursor stays at the same place instead of jumping to the top.
 */

interface Identified {
  proposalId: string;
}

export function resolveCurrent<T extends Identified>(
  items: readonly T[],
  selectedId: string | null,
  lastIndex: number,
): T | null {
  if (items.length === 0) return null;
  const selected = selectedId === null ? undefined : items.find((item) => item.proposalId === selectedId);
  return selected ?? items[Math.min(Math.max(lastIndex, 0), items.length - 1)] ?? null;
}

/** The id `delta` steps away from `fromId`, clamped to the ends of the list. */
export function stepFrom<T extends Identified>(
  items: readonly T[],
  fromId: string | null,
  delta: number,
): string | null {
  if (items.length === 0) return null;
  const index = fromId === null ? -1 : items.findIndex((item) => item.proposalId === fromId);
  if (index === -1) return items[delta > 0 ? 0 : items.length - 1]!.proposalId;
  return items[Math.min(Math.max(index + delta, 0), items.length - 1)]!.proposalId;
}

/**
 * Where the cursor goes once `leaving` is reviewed away from `fromId`: the next item that stays,
 * else the nearest one before it that stays, else nothing.
 */
export function nextAfterReview<T extends Identified>(
  items: readonly T[],
  fromId: string,
  leaving: ReadonlySet<string>,
): string | null {
  const index = items.findIndex((item) => item.proposalId === fromId);
  if (index === -1) return null;
  const stays = (item: T) => !leaving.has(item.proposalId);
  const after = items.slice(index + 1).find(stays);
  if (after) return after.proposalId;
  return items.slice(0, index).reverse().find(stays)?.proposalId ?? null;
}
