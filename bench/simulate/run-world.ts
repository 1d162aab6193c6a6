import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/app';
import { resolveMediaBinaries } from '../../src-main/core/render/ffmpeg-binaries';
import { localMinutes } from '../../src-main/core/maestro/local-time';
import { manualClock } from '../../src-main/core/ports/clock';
import { seededRandom } from '../../src-main/core/ports/random';
import { startFakeMeta } from '../../test/fakes/fake-meta-server';
import { startFakeOpenAi } from '../../test/fakes/fake-openai-server';
import { startFakeS3 } from '../../test/fakes/fake-s3-server';
import { labelsFromDatabase, worldAudience } from './audience';
import { placeholderRenderer } from './placeholder-render';
import { Truth } from './truth';
import type { World } from './world';
import { worldLlm } from './world-llm';

const HOUR_MS = 3_600_000;
const API_KEY = 'sk-simulated-world-000000000001';
const USER_TOKEN = 'fake-user-token-simulated-world-0001';

export type Rule = 'evidence' | 'original';

export interface RunResult {
  seed: number;
  rule: Rule;
  weeks: number;
  /** Instagram posts published. */
  posts: number;
  /** Σ over posts of (the best strategy's true rate − the chosen one's), for that brand, topic and week. */
  regret: number;
  /** The same per week of publishing (weeks 1…n). */
  regretByWeek: number[];
  postsByWeek: number[];
  /** How often each strategy was published. */
  strategies: Record<string, number>;
  agents: { active: number; retired: number; born: number };
}

/**
 * One world, one seed, one adaptation rule: the real core (SQLite file, render queue with
 * placeholder pixels, calendar, publisher, metrics collector, feedback, evolution) against the
 * fake LLM, the fake Instagram (its audience drawn from the world) and the fake S3 media host,
 * on a manual clock stepped hour by hour.
 */
export async function runWorld(input: {
  world: World;
  seed: number;
  rule: Rule;
  weeks: number;
}): Promise<RunResult> {
  const { world, seed, rule, weeks } = input;
  const dir = mkdtempSync(join(tmpdir(), 'maestro-sim-'));
  const clock = manualClock(world.start);
  const truth = new Truth(world, seed);
  const igIdOf = (i: number) => `178414${String(i + 1).padStart(11, '0')}`;
  const pageIdOf = (i: number) => `30000000000000${String(i + 1).padStart(2, '0')}`;
  const brandByIg = new Map(world.brands.map((b, i) => [igIdOf(i), b.id]));
  let labels: ReturnType<typeof labelsFromDatabase> | null = null;
  const meta = await startFakeMeta({
    now: () => clock.now(),
    users: [{ id: '2000000000000001', name: 'Creator', token: USER_TOKEN, tokenLifetime: 'long' }],
    pages: world.brands.map((b, i) => ({
      id: pageIdOf(i),
      name: b.displayName,
      accessToken: `fake-page-token-${b.id}`,
      instagram: { id: igIdOf(i), username: b.id.replace(/-/g, '') },
    })),
    audience: worldAudience(
      truth,
      (post) => labels?.label('instagram', post.id) ?? null,
      (account) => brandByIg.get(account) ?? null,
    ),
  });
  const s3 = await startFakeS3({ now: () => clock.now() });
  const llm = worldLlm();
  const openai = await startFakeOpenAi({ apiKey: API_KEY, respond: (r) => llm.respond(r) });
  const binaries = resolveMediaBinaries();
  if ('error' in binaries) throw new Error(binaries.error);
  let core: Core | null = null;
  try {
    core = await createCore({
      dataDir: dir,
      appVersion: 'simulation',
      clock,
      random: seededRandom(seed),
      autoStart: false,
      llm: { sleep: async () => undefined },
      render: { sleep: async () => undefined, runStep: placeholderRenderer(binaries.binaries.ffmpeg, dir) },
      env: {
        MAESTRO_GRAPH_URL: meta.baseUrl,
        MAESTRO_RUPLOAD_URL: meta.baseUrl,
        MAESTRO_MEDIA_HOST_URL: s3.baseUrl,
      },
    });
    const c = core;
    const call = async (name: string, payload: unknown = {}) => {
      const result = await c.invoke(name, payload);
      if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    };
    await call('settings.set', {
      values: {
        llmBaseUrl: openai.baseUrl,
        // One call at a time: the order of every draw from the seeded random source is then fixed.
        llmMaxConcurrency: 1,
        llmDailyBudgetUsd: 100_000,
        llmHourlyBudgetUsd: 100_000,
        renderConcurrency: 1,
        reelsPerBrand: world.daily.reels,
        postsPerBrand: world.daily.posts,
        burstTimeZone: world.timeZone,
        adaptationRule: rule,
        metaAppId: meta.app.id,
        mediaHostBucket: 'maestro-media',
        mediaHostAccessKeyId: s3.credentials.accessKeyId,
      },
    });
    await call('secrets.set', { key: 'llm.apiKey', value: API_KEY });
    await call('secrets.set', { key: 'meta.appSecret', value: meta.app.secret });
    await call('secrets.set', { key: 'mediaHost.secretAccessKey', value: s3.credentials.secretAccessKey });
    for (const [i, brand] of world.brands.entries()) {
      await call('brands.create', {
        id: brand.id,
        displayName: brand.displayName,
        instagramHandle: `@${brand.id.replace(/-/g, '')}`,
        colors: { primary: '#224466', accent: '#88aacc' },
        publishing: {
          platforms: ['instagram'],
          youtubePrivacy: 'public',
          youtubeNotifySubscribers: false,
          youtubeShortsTag: true,
          firstComment: null,
        },
      });
      await call('connections.connectMeta', {
        brandId: brand.id,
        userToken: USER_TOKEN,
        pageId: pageIdOf(i),
      });
    }
    labels = labelsFromDatabase(join(dir, 'maestro.db'));

    const start = Date.parse(world.start);
    for (let h = 0; h < weeks * 7 * 24; h++) {
      const now = new Date(start + h * HOUR_MS);
      if (now.getTime() > clock.now().getTime()) clock.set(now);
      await step(c, world, h);
    }
    return await measure(c, truth, seed, rule, weeks);
  } finally {
    labels?.close();
    await core?.close();
    await meta.close();
    await s3.close();
    await openai.close();
    if (process.env.MAESTRO_SIM_KEEP) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  /** One simulated hour: the burst at noon, publishing, metrics, feedback, patterns, evolution. */
  async function step(c: Core, w: World, h: number): Promise<void> {
    const now = clock.now();
    // The creator reconnects when the app says a login expired (Facebook logins last 60 days).
    if (h % 24 === 9) await reconnectExpired(c);
    if (localMinutes(now, w.timeZone) === 12 * 60) {
      await c.bursts.runner.start('daily');
      await c.bursts.runner.settled();
      await c.jobs.queue.idle();
    }
    await publishThisHour(c, new Date(now.getTime() + HOUR_MS), localMinutes(now, w.timeZone) === 12 * 60);
    await c.learning.metrics.collectDue(clock.now());
    if (h % 6 === 0) await c.learning.feedback.run();
    if (h % 4 === 0) await c.learning.patterns.analyse();
    const due = await c.learning.evolution.due();
    // Only Sundays inside the simulated weeks (not the one before the world began).
    if (!due.ran && Date.parse(`${due.week}T00:00:00Z`) >= Date.parse(w.start) - 86_400_000)
      await c.learning.evolution.run('schedule');
  }

  async function reconnectExpired(c: Core): Promise<void> {
    const expired = await c.store.db
      .selectFrom('platform_connections')
      .select('brand_id')
      .distinct()
      .where('status', '=', 'expired')
      .orderBy('brand_id')
      .execute();
    if (expired.length === 0) return;
    const token = meta.issueUserToken('2000000000000001', 'long');
    for (const { brand_id } of expired) {
      const i = world.brands.findIndex((b) => b.id === brand_id);
      const result = await c.invoke('connections.connectMeta', {
        brandId: brand_id,
        userToken: token,
        pageId: pageIdOf(i),
      });
      if (!result.ok) throw new Error(`reconnecting ${brand_id}: ${result.error.message}`);
    }
  }

  /** Publishing rounds until nothing more is due before `until` (processing polls move the clock). */
  async function publishThisHour(c: Core, until: Date, rendered: boolean): Promise<void> {
    // Most hours nothing is due: skip the round (speed only; a round would find nothing).
    const due = await c.store.db
      .selectFrom('publish_targets as t')
      .innerJoin('scheduled_posts as s', 's.schedule_id', 't.schedule_id')
      .select('t.schedule_id')
      .where('t.status', 'in', ['scheduled', 'uploading', 'processing', 'waiting'])
      .where((eb) => eb(eb.fn.coalesce('t.next_attempt_at', 's.scheduled_time'), '<', until.toISOString()))
      .limit(1)
      .executeTakeFirst();
    if (!due && !rendered) return;
    for (let round = 0; round < 50; round++) {
      await c.publishing.publisher.runDue();
      const next = await c.store.db
        .selectFrom('publish_targets')
        .select((eb) => eb.fn.min('next_attempt_at').as('at'))
        .where('status', 'in', ['uploading', 'processing', 'scheduled'])
        .where('next_attempt_at', 'is not', null)
        .executeTakeFirst();
      const at = next?.at ? Date.parse(next.at as string) : Number.NaN;
      if (!Number.isFinite(at) || at >= until.getTime()) return;
      clock.set(new Date(Math.max(clock.now().getTime() + 1000, at)));
    }
  }
}

async function measure(
  core: Core,
  truth: Truth,
  seed: number,
  rule: Rule,
  weeks: number,
): Promise<RunResult> {
  const rows = await core.store.db
    .selectFrom('publish_targets as t')
    .innerJoin('scheduled_posts as s', 's.schedule_id', 't.schedule_id')
    .innerJoin('generation_jobs as j', 'j.job_id', 's.job_id')
    .innerJoin('proposals as p', 'p.proposal_id', 'j.proposal_id')
    .select(['p.brand_id', 'p.topic_bucket', 'p.strategy', 't.published_at', 't.external_id'])
    .where('t.platform', '=', 'instagram')
    .where('t.status', '=', 'published')
    .orderBy('t.external_id')
    .execute();
  const regretByWeek = Array.from({ length: weeks }, () => 0);
  const postsByWeek = Array.from({ length: weeks }, () => 0);
  const strategies: Record<string, number> = {};
  let regret = 0;
  for (const r of rows) {
    if (!r.brand_id || !r.topic_bucket || !r.published_at) continue;
    const week = truth.week(new Date(r.published_at));
    const best = truth.best(r.brand_id, r.topic_bucket, week);
    const chosen = truth.rate(r.brand_id, r.topic_bucket, r.strategy, week);
    regret += best.rate - chosen;
    const w = Math.min(weeks - 1, week);
    regretByWeek[w]! += best.rate - chosen;
    postsByWeek[w]! += 1;
    strategies[r.strategy] = (strategies[r.strategy] ?? 0) + 1;
  }
  const agents = await core.store.db.selectFrom('agents').select(['active', 'created_at']).execute();
  const born = await core.store.db
    .selectFrom('agent_learning')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mutation_type', '=', 'spawn')
    .where('trigger', '=', 'weekly_evolution')
    .executeTakeFirstOrThrow();
  return {
    seed,
    rule,
    weeks,
    posts: rows.length,
    regret,
    regretByWeek,
    postsByWeek,
    strategies,
    agents: {
      active: agents.filter((a) => a.active === 1).length,
      retired: agents.filter((a) => a.active === 0).length,
      born: Number(born.n),
    },
  };
}
