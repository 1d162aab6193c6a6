import type { ActivityEntry, InputOf } from '@contract';

/** What the activity feed is narrowed to: words, one agent, one brand, one kind (level). */
export interface ActivityFilter {
  search: string;
  agent: string;
  brandId: string;
  level: '' | ActivityEntry['level'];
}

export const noActivityFilter: ActivityFilter = { search: '', agent: '', brandId: '', level: '' };

/** The kinds of entry, as the filter offers them. */
export const activityKinds: ReadonlyArray<{ level: ActivityEntry['level']; label: string }> = [
  { level: 'action', label: 'Actions' },
  { level: 'error', label: 'Errors' },
  { level: 'data', label: 'Data changes' },
  { level: 'api', label: 'API calls' },
  { level: 'detail', label: 'Details' },
];

/** Who writes activity besides the agents. */
export const systemActors: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'maestro', label: 'Maestro' },
  { id: 'healer', label: 'Healer' },
  { id: 'assistant', label: 'AI assistant' },
];

export function isFiltered(filter: ActivityFilter): boolean {
  return Boolean(filter.search.trim() || filter.agent || filter.brandId || filter.level);
}

/** The list operation's input for one page of the filtered feed. */
export function activityQueryOf(
  filter: ActivityFilter,
  page: { limit: number; beforeId?: number },
): InputOf<'activity.list'> {
  const search = filter.search.trim();
  return {
    limit: page.limit,
    ...(page.beforeId ? { beforeId: page.beforeId } : {}),
    ...(search ? { search } : {}),
    ...(filter.agent ? { agent: filter.agent } : {}),
    ...(filter.brandId ? { brandId: filter.brandId } : {}),
    ...(filter.level ? { level: filter.level } : {}),
  };
}

/**
 * Whether a live entry belongs at the top of the feed as filtered. A search is answered by the
 * core's index (with highlights), so live entries wait for its next refetch instead.
 */
export function matchesActivityFilter(entry: ActivityEntry, filter: ActivityFilter): boolean {
  if (filter.search.trim()) return false;
  if (filter.agent && entry.agent !== filter.agent) return false;
  if (filter.brandId && entry.brandId !== filter.brandId) return false;
  if (filter.level && entry.level !== filter.level) return false;
  return true;
}
