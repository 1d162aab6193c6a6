import type { OperationName } from '../../src-main/core/contract/operations';
import type { Random } from '../../src-main/core/ports/random';
import { sampleBrand } from './temp-core';

/** A valid payload per operation and which of its top-level keys are required. */
export const validExamples: Record<OperationName, { payload: Record<string, unknown>; required: string[] }> =
  {
    'app.info': { payload: {}, required: [] },
    'app.health': { payload: {}, required: [] },
    'diagnostics.run': { payload: {}, required: [] },
    'diagnostics.latest': { payload: {}, required: [] },
    'diagnostics.history': { payload: { limit: 12 }, required: [] },
    'brands.list': { payload: { includeInactive: true }, required: [] },
    'brands.get': { payload: { id: sampleBrand.id }, required: ['id'] },
    'brands.create': {
      payload: { ...sampleBrand, id: 'fresh-brand', scheduleOffset: 4, postsPerDay: 6, active: true },
      required: ['id', 'displayName', 'colors'],
    },
    'brands.update': {
      payload: { id: sampleBrand.id, patch: { postsPerDay: 3 } },
      required: ['id', 'patch'],
    },
    'brands.delete': { payload: { id: sampleBrand.id }, required: ['id'] },
    'brands.restore': { payload: { id: sampleBrand.id }, required: ['id'] },
    'settings.get': { payload: {}, required: [] },
    'settings.set': { payload: { values: { llmModel: 'other-model' } }, required: ['values'] },
    'secrets.set': { payload: { key: 'llm.apiKey', value: 'sk-new' }, required: ['key', 'value'] },
    'secrets.clear': { payload: { key: 'llm.apiKey' }, required: ['key'] },
    'maestro.status': { payload: {}, required: [] },
    'maestro.pause': { payload: {}, required: [] },
    'maestro.resume': { payload: {}, required: [] },
    'activity.list': {
      payload: { limit: 10, agent: 'maestro', brandId: sampleBrand.id, level: 'error' },
      required: [],
    },
    'notifications.list': { payload: { limit: 10, beforeId: 5, unreadOnly: true }, required: [] },
    'notifications.markRead': { payload: { ids: [1] }, required: [] },
    'maestro.overview': { payload: {}, required: [] },
    'maestro.dashboard': { payload: {}, required: [] },
    'maestro.triggerBurst': { payload: {}, required: [] },
    'maestro.resetDaily': { payload: {}, required: [] },
    'maestro.optimizeNow': { payload: {}, required: [] },
    'agents.list': { payload: { includeInactive: true }, required: [] },
    'agents.get': { payload: { agentId: 'toby' }, required: ['agentId'] },
    'agents.create': { payload: { brandId: sampleBrand.id, personality: 'Calm and precise.' }, required: [] },
    'agents.update': {
      payload: { agentId: 'toby', patch: { temperature: 0.8 } },
      required: ['agentId', 'patch'],
    },
    'agents.clone': { payload: { agentId: 'toby' }, required: ['agentId'] },
    'agents.mutate': { payload: { agentId: 'toby' }, required: ['agentId'] },
    'agents.retire': { payload: { agentId: 'toby' }, required: ['agentId'] },
    'proposals.list': { payload: { statuses: ['pending'], limit: 10 }, required: [] },
    'proposals.counts': { payload: { brandId: sampleBrand.id, search: 'sleep' }, required: [] },
    'proposals.get': { payload: { proposalId: 'TOBY-000001' }, required: ['proposalId'] },
    'proposals.accept': { payload: { proposalId: 'TOBY-000001', note: 'good' }, required: ['proposalId'] },
    'proposals.reject': { payload: { proposalId: 'TOBY-000001', note: 'weak' }, required: ['proposalId'] },
    'proposals.bulkReview': {
      payload: { proposalIds: ['TOBY-000001'], decision: 'accept' },
      required: ['proposalIds', 'decision'],
    },
    'examiner.stats': { payload: { days: 30, brandId: sampleBrand.id, agentId: 'toby' }, required: [] },
    'examiner.rejected': {
      payload: { limit: 20, brandId: sampleBrand.id, agentId: 'toby', contentType: 'reel', days: 7 },
      required: [],
    },
    'llm.usage': { payload: {}, required: [] },
    'jobs.list': { payload: { status: 'failed', proposalId: 'TOBY-000001', limit: 20 }, required: [] },
    'jobs.get': { payload: { id: 'GEN-123456' }, required: ['id'] },
    'jobs.create': {
      payload: {
        proposalId: 'TOBY-000001',
        brandId: sampleBrand.id,
        variant: 'dark',
        title: 'Three habits that protect your sleep',
        contentLines: ['Dim the lights an hour before bed', 'Keep the bedroom cool'],
        caption: 'Sleep is built during the day.',
        hashtags: ['#sleep'],
        imagePrompt: 'a calm bedroom at dusk',
        platforms: ['instagram', 'youtube'],
        ctaType: 'follow_tips',
      },
      required: ['brandId', 'variant', 'title', 'contentLines'],
    },
    'jobs.cancel': { payload: { id: 'GEN-123456' }, required: ['id'] },
    'jobs.retry': { payload: { id: 'GEN-123456' }, required: ['id'] },
    'calendar.list': {
      payload: {
        from: '2026-12-01T00:00:00Z',
        to: '2026-12-08T00:00:00Z',
        brandId: sampleBrand.id,
        limit: 50,
      },
      required: ['from', 'to'],
    },
    'calendar.get': { payload: { scheduleId: 'SCH-abcdef1234' }, required: ['scheduleId'] },
    'calendar.checkSlot': {
      payload: { scheduleId: 'SCH-abcdef1234', at: '2026-12-03T09:00:00Z' },
      required: ['scheduleId', 'at'],
    },
    'calendar.reschedule': {
      payload: { scheduleId: 'SCH-abcdef1234', at: '2026-12-03T09:00:00Z' },
      required: ['scheduleId', 'at'],
    },
    'calendar.unschedule': { payload: { scheduleId: 'SCH-abcdef1234' }, required: ['scheduleId'] },
    'calendar.publishNow': { payload: { scheduleId: 'SCH-abcdef1234' }, required: ['scheduleId'] },
    'calendar.update': {
      payload: {
        scheduleId: 'SCH-abcdef1234',
        patch: { caption: 'A better caption', platforms: ['instagram'] },
      },
      required: ['scheduleId', 'patch'],
    },
    'calendar.retry': {
      payload: { scheduleId: 'SCH-abcdef1234', platform: 'youtube' },
      required: ['scheduleId'],
    },
    'calendar.export': { payload: { scheduleId: 'SCH-abcdef1234' }, required: ['scheduleId'] },
    'connections.list': { payload: { brandId: sampleBrand.id }, required: [] },
    'connections.metaLoginUrl': { payload: { brandId: sampleBrand.id }, required: ['brandId'] },
    'connections.metaPages': {
      payload: { brandId: sampleBrand.id, userToken: 'EAAGm0PX4ZCpsBAExampleUserToken' },
      required: ['brandId', 'userToken'],
    },
    'connections.connectMeta': {
      payload: {
        brandId: sampleBrand.id,
        userToken: 'EAAGm0PX4ZCpsBAExampleUserToken',
        pageId: '3000000000000001',
      },
      required: ['brandId', 'userToken'],
    },
    'connections.youtubeBegin': { payload: { brandId: sampleBrand.id }, required: ['brandId'] },
    'connections.test': {
      payload: { brandId: sampleBrand.id, platform: 'instagram' },
      required: ['brandId', 'platform'],
    },
    'connections.disconnect': {
      payload: { brandId: sampleBrand.id, platform: 'youtube' },
      required: ['brandId', 'platform'],
    },
    'analytics.brand': { payload: { brandId: sampleBrand.id, days: 30 }, required: ['brandId'] },
    'analytics.post': {
      payload: { platform: 'instagram', mediaId: '17900000000000001' },
      required: ['platform', 'mediaId'],
    },
    'analytics.collectNow': { payload: { brandId: sampleBrand.id }, required: [] },
    'scout.hashtags.list': { payload: { brandId: sampleBrand.id }, required: ['brandId'] },
    'scout.hashtags.set': {
      payload: { brandId: sampleBrand.id, hashtags: ['guthealth', '#Longevity'] },
      required: ['brandId', 'hashtags'],
    },
    'scout.competitors.list': { payload: { brandId: sampleBrand.id }, required: ['brandId'] },
    'scout.competitors.add': {
      payload: { brandId: sampleBrand.id, username: '@naturalhealinglab' },
      required: ['brandId', 'username'],
    },
    'scout.competitors.remove': {
      payload: { brandId: sampleBrand.id, username: '@naturalhealinglab' },
      required: ['brandId', 'username'],
    },
    'scout.trending': {
      payload: { brandId: sampleBrand.id, method: 'hashtag_search', limit: 20 },
      required: [],
    },
    'scout.runNow': { payload: { brandId: sampleBrand.id }, required: [] },
    'scout.bootstrap': { payload: {}, required: [] },
    'maestro.cycles': { payload: {}, required: [] },
    'maestro.runCycle': { payload: { id: 'healing' }, required: ['id'] },
    'learning.runFeedback': { payload: {}, required: [] },
    'learning.runEvolution': { payload: {}, required: [] },
    'learning.evolutionHistory': { payload: {}, required: [] },
    'learning.genePool': { payload: {}, required: [] },
    'learning.timeline': { payload: { agentId: 'toby', types: ['weight_shift'], limit: 20 }, required: [] },
    'learning.agentHistory': { payload: { agentId: 'toby' }, required: ['agentId'] },
    'learning.patterns': { payload: { brandId: sampleBrand.id }, required: [] },
    'learning.analysePatterns': { payload: {}, required: [] },
    'search.query': { payload: { text: 'magnesium sleep', limit: 5 }, required: ['text'] },
    'backups.list': { payload: {}, required: [] },
    'backups.now': { payload: { includeMedia: false }, required: [] },
    'backups.restore': { payload: { id: 'maestro-20261125T100000000Z' }, required: ['id'] },
    'backups.exportBrand': { payload: { brandId: sampleBrand.id }, required: ['brandId'] },
    'backups.importBrand': {
      payload: { file: '/tmp/healthy-college-20261125T100000000Z.maestro-brand.json.gz' },
      required: ['file'],
    },
  };

const sqlLooking = [
  "x'); DROP TABLE brands; --",
  "' OR '1'='1",
  '1; DELETE FROM app_settings',
  "Robert'); UPDATE maestro_config SET value='false';--",
  '" UNION SELECT ciphertext FROM app_secrets --',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)]!;
}

/**
 * A value whose JSON type differs from `original`'s (null excluded: several fields are nullable).
 * `n` varies the value so successive draws stay distinct.
 */
function wrongTypeFor(original: unknown, random: Random, n: number): Json {
  const pool: Json[] = [
    `${pick(random, sqlLooking)} #${n}`,
    12345 + n,
    -1.5 - n,
    n % 2 === 0,
    [],
    ['a', n],
    { n },
    { $gt: `${n}` },
  ];
  return pick(
    random,
    pool.filter((v) => typeOf(v) !== typeOf(original)),
  );
}

/** Paths to every value inside a payload, e.g. ['colors', 'primary']. */
function paths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = [...prefix, key];
    return inner && typeof inner === 'object' && !Array.isArray(inner)
      ? [here, ...paths(inner as Record<string, unknown>, here)]
      : [here];
  });
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

function getAt(target: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], target);
}

/**
 * `count` distinct payloads that are each invalid by construction (wrong JSON type, a required
 * field missing, an unknown key, an oversized or SQL-looking string where a format is required,
 * or not an object at all). As raw strings, ready for an HTTP body. Every kind of damage takes
 * the draw number `n`, so even an operation without input gets `count` different bodies.
 */
export function malformedPayloads(name: OperationName, count: number, random: Random): string[] {
  const { payload, required } = validExamples[name];
  const clone = () => JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  const valuePaths = paths(payload);
  const stringPaths = valuePaths.filter((p) => typeof getAt(payload, p) === 'string');
  const unknownKey = (n: number) => `${pick(random, ['user_id', '__proto__x', 'sql', 'extra', 'ID'])}_${n}`;
  const strategies: Array<(n: number) => unknown> = [
    (n) =>
      pick(random, [
        null,
        n,
        -n - 0.5,
        `brands ${n}`,
        [n],
        [payload, n],
        n % 2 === 0,
        `${pick(random, sqlLooking)} ${n}`,
      ]),
    (n) => ({ ...clone(), [unknownKey(n)]: `${pick(random, sqlLooking)} ${n}` }),
  ];
  if (valuePaths.length > 0) {
    strategies.push((n) => {
      const next = clone();
      const path = pick(random, valuePaths);
      setAt(next, path, wrongTypeFor(getAt(payload, path), random, n));
      return next;
    });
  }
  if (required.length > 0) {
    strategies.push((n) => {
      const next = clone();
      delete next[pick(random, required)];
      // Still missing its required field, whatever else it carries.
      if (n >= required.length) next[unknownKey(n)] = n;
      return next;
    });
  }
  if (stringPaths.length > 0) {
    strategies.push((n) => {
      const next = clone();
      // 100 000 characters and more is over every string limit of the contract.
      setAt(next, pick(random, stringPaths), pick(random, ['A', "'", '🎬', '\u0000']).repeat(100_000 + n));
      return next;
    });
  }
  const formatted = stringPaths.filter((p) =>
    [
      'id',
      'key',
      'instagramHandle',
      'primary',
      'accent',
      'llmBaseUrl',
      'agentId',
      'proposalId',
      'brandId',
      'scheduleId',
      'at',
      'from',
      'to',
    ].includes(p[p.length - 1]!),
  );
  if (formatted.length > 0) {
    strategies.push((n) => {
      const next = clone();
      setAt(next, pick(random, formatted), `${pick(random, sqlLooking)} ${n}`);
      return next;
    });
  }
  const bodies = new Set<string>();
  for (let n = 0; bodies.size < count && n < count * 20; n++) {
    bodies.add(JSON.stringify(strategies[n % strategies.length]!(n)));
  }
  return [...bodies];
}
