/**
 * Every query key in one place, grouped by entity, so a `data.changed` event for an entity can
 * invalidate exactly that entity's queries by prefix.
 */
export const queryKeys = {
  brands: {
    all: ['brands'] as const,
    list: (includeInactive: boolean) => ['brands', 'list', { includeInactive }] as const,
  },
  settings: { all: ['settings'] as const },
  agents: {
    all: ['agents'] as const,
    list: (includeInactive: boolean) => ['agents', 'list', { includeInactive }] as const,
    detail: (agentId: string) => ['agents', 'detail', agentId] as const,
    // The learning loop's views live under agents: feedback and evolution announce `agents`.
    history: (agentId: string) => ['agents', 'history', agentId] as const,
    /** One agent's learnings, or every agent's (null). */
    timeline: (agentId: string | null, kind: string) => ['agents', 'timeline', { agentId, kind }] as const,
    genePool: ['agents', 'gene-pool'] as const,
    evolution: ['agents', 'evolution'] as const,
  },
  analytics: {
    all: ['analytics'] as const,
    brand: (brandId: string, days: number) => ['analytics', 'brand', { brandId, days }] as const,
  },
  proposals: {
    all: ['proposals'] as const,
    /** One review-queue view: status, brand, agent and type filter. */
    list: (filter: object) => ['proposals', 'list', filter] as const,
    /** The tabs' counts: brand, agent, type and search, whatever the tab. */
    counts: (filter: object) => ['proposals', 'counts', filter] as const,
  },
  /** maestro.dashboard: its hook refetches it when an entity it shows changes. */
  dashboard: { all: ['dashboard'] as const },
  /** The overview lives under bursts: burst progress is what changes it. */
  bursts: { all: ['bursts'] as const, overview: ['bursts', 'overview'] as const },
  jobs: { all: ['jobs'] as const },
  calendar: {
    all: ['calendar'] as const,
    /** One visible range (and brand filter) of the calendar. */
    range: (filter: object) => ['calendar', 'range', filter] as const,
    item: (scheduleId: string) => ['calendar', 'item', scheduleId] as const,
  },
  connections: { all: ['connections'] as const },
  maestro: { status: ['maestro', 'status'] as const },
  llm: { usage: ['llm', 'usage'] as const },
  activity: {
    feed: ['activity', 'feed'] as const,
    /** The feed narrowed to words, an agent, a brand or a kind. */
    list: (filter: object) => ['activity', 'list', filter] as const,
  },
  backups: { all: ['backups'] as const },
  notifications: { all: ['notifications'] as const },
  diagnostics: {
    all: ['diagnostics'] as const,
    latest: ['diagnostics', 'latest'] as const,
    history: (limit: number) => ['diagnostics', 'history', limit] as const,
  },
  app: {
    health: ['app', 'health'] as const,
    info: ['app', 'info'] as const,
  },
};
