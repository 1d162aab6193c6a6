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
  agents: { all: ['agents'] as const },
  proposals: { all: ['proposals'] as const },
  bursts: { all: ['bursts'] as const },
  jobs: { all: ['jobs'] as const },
  maestro: { status: ['maestro', 'status'] as const },
  activity: { feed: ['activity', 'feed'] as const },
  app: {
    health: ['app', 'health'] as const,
    info: ['app', 'info'] as const,
  },
};
