import {
  engagementRatePercent,
  performanceScore,
  relativeScore,
  type PostMetrics,
} from '../../src-main/core/analytics/performance-score';
import { seededRandom } from '../../src-main/core/ports/random';
import { openTempCore, type TempCore } from '../helpers/temp-core';
import { openJourney, type Journey } from './journey';

/**
 * Weeks of the learning loop written into a data folder through the real core, for the browser
 * journeys of the Agents and Analytics pages. What the metrics collector leaves is written as it
 * leaves it (post_performance rows with the core's own engagement, performance and relative
 * scores; account snapshots), as test/core/learning/feedback-and-evolution.test.ts does; the rest
 * is the real thing: feedback runs adapt the agents, and the weekly evolution retires the weak
 * agent, spawns its replacement and fills the gene pool.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const seedBrand = { id: 'healthy-college', displayName: 'The Healthy College' } as const;
/** A brand with nothing measured: the Analytics page's empty state. */
export const quietBrand = { id: 'quiet-corner', displayName: 'Quiet Corner' } as const;

/** The install: a week before the first measured posts. */
export const installedAt = '2026-11-03T10:00:00.000Z';
/** Feedback rounds, one a day, before the week's evolution... */
export const feedbackDays = [
  '2026-11-10T10:00:00.000Z',
  '2026-11-11T10:00:00.000Z',
  '2026-11-12T10:00:00.000Z',
  '2026-11-13T10:00:00.000Z',
];
/** ...which runs on a Wednesday: the week due is Sunday 15 November's... */
export const evolutionAt = '2026-11-18T10:00:00.000Z';
/** ...and after it, with the replacement agent writing too. */
export const laterFeedbackDays = [
  '2026-11-19T10:00:00.000Z',
  '2026-11-20T10:00:00.000Z',
  '2026-11-21T10:00:00.000Z',
];
/** Where the server's clock starts: the week due then (Sunday 22 November's) has not run. */
export const serverClockStart = '2026-11-25T10:00:00.000Z';

interface SeedPost {
  agentId: string;
  strategy: string;
  title: string;
  metrics: PostMetrics;
  examinerScore: number;
}

export interface LearningSeed {
  /** The agent the evolution retired (created for the brand, then persistently weak). */
  weak: { agentId: string; displayName: string };
  /** Its replacement. */
  child: { agentId: string; displayName: string };
  /** Posts written per brand (all on Instagram). */
  posts: number;
}

function metrics(
  views: number,
  reachShare: number,
  likes: number,
  saves: number,
  shares: number,
): PostMetrics {
  return {
    views,
    reach: Math.round(views * reachShare),
    likes,
    comments: Math.round(likes / 20),
    saves,
    shares,
  };
}

/**
 * One round's posts: Toby's double-downs fly, his explores less; Lexi is steady; the weak agent
 * flops (before the evolution), its replacement does fairly well (after it).
 */
function roundPosts(round: number, weakId: string | null, childId: string | null): SeedPost[] {
  const r = round + 1;
  return [
    {
      agentId: 'toby',
      strategy: 'double_down',
      title: `Magnesium before bed, part ${r}`,
      metrics: metrics(42_000 + 1_000 * round, 0.8, 3_400, 420, 160),
      examinerScore: 8.6,
    },
    {
      agentId: 'toby',
      strategy: 'double_down',
      title: `Sleep debt is real, take ${r}`,
      metrics: metrics(38_000 + 800 * round, 0.8, 3_000, 380, 140),
      examinerScore: 8.2,
    },
    {
      agentId: 'toby',
      strategy: 'explore',
      title: `A strange fact about naps #${r}`,
      metrics: metrics(9_000, 0.7, 420, 40, 12),
      examinerScore: 7.4,
    },
    {
      agentId: 'lexi',
      strategy: 'refine',
      title: `Protein at breakfast, refined ${r}`,
      metrics: metrics(16_000, 0.75, 900, 110, 30),
      examinerScore: 7.9,
    },
    {
      agentId: 'lexi',
      strategy: 'analyze',
      title: `What our best posts share, ${r}`,
      metrics: metrics(12_500, 0.75, 640, 80, 22),
      examinerScore: 7.6,
    },
    ...(weakId
      ? [
          {
            agentId: weakId,
            strategy: 'explore',
            title: `Untitled experiment ${r}`,
            metrics: metrics(300, 0.8, 3, 0, 0),
            examinerScore: 3.1,
          },
          {
            agentId: weakId,
            strategy: 'trending',
            title: `Trend remix ${r}`,
            metrics: metrics(1_100, 0.8, 6, 1, 0),
            examinerScore: 3.4,
          },
        ]
      : []),
    ...(childId
      ? [
          {
            agentId: childId,
            strategy: 'double_down',
            title: `Magnesium myths, round ${r}`,
            metrics: metrics(21_000, 0.8, 1_500, 160, 50),
            examinerScore: 8,
          },
        ]
      : []),
  ];
}

let mediaSeq = 0;

/** Writes one measured post as the collector leaves it after its 48-hour stamp. */
async function writePost(t: TempCore, post: SeedPost, publishedAt: Date, peers: PostMetrics[]) {
  const published = publishedAt.toISOString();
  const at = (hours: number) => new Date(publishedAt.getTime() + hours * HOUR).toISOString();
  await t.core.store.db
    .insertInto('post_performance')
    .values({
      platform: 'instagram',
      media_id: `1790${String(++mediaSeq).padStart(11, '0')}`,
      schedule_id: null,
      brand_id: seedBrand.id,
      proposal_id: null,
      content_type: 'reel',
      title: post.title,
      caption: null,
      topic_bucket: 'sleep',
      keyword_hash: null,
      ...post.metrics,
      engagement_rate: engagementRatePercent(post.metrics),
      performance_score: performanceScore(post.metrics),
      relative_score: relativeScore(post.metrics, peers),
      percentile_rank: null,
      published_at: published,
      metrics_1h_at: at(1),
      metrics_6h_at: at(6),
      metrics_24h_at: at(24),
      metrics_48h_at: at(48),
      metrics_7d_at: null,
      metrics_fetched_at: at(48),
      attributed_at: null,
      agent_id: post.agentId,
      strategy: post.strategy,
      examiner_score: post.examinerScore,
    })
    .execute();
}

/** Account snapshots every day for three weeks: Instagram growing, YouTube every other day. */
async function writeAccountSnapshots(t: TempCore) {
  const db = t.core.store.db;
  const first = Date.parse('2026-11-04T12:00:00.000Z');
  for (let day = 0; day < 21; day++) {
    const at = new Date(first + day * DAY).toISOString();
    await db
      .insertInto('analytics_snapshots')
      .values({
        brand_id: seedBrand.id,
        platform: 'instagram',
        followers_count: 12_000 + 180 * day,
        views_last_7_days: 150_000 + 6_000 * day,
        likes_last_7_days: 9_000 + 300 * day,
        reach_last_7_days: 110_000 + 4_000 * day,
        snapshot_at: at,
      })
      .execute();
    if (day % 2 === 0) {
      await db
        .insertInto('analytics_snapshots')
        .values({
          brand_id: seedBrand.id,
          platform: 'youtube',
          followers_count: 2_400 + 25 * day,
          views_last_7_days: 30_000 + 900 * day,
          likes_last_7_days: 1_200 + 40 * day,
          reach_last_7_days: 30_000 + 900 * day,
          snapshot_at: at,
        })
        .execute();
    }
  }
  const lastAt = new Date(first + 20 * DAY).toISOString();
  for (const [platform, followers, views, likes, reach, basis] of [
    ['instagram', 15_600, 270_000, 15_000, 190_000, 'account_insights'],
    ['youtube', 2_900, 48_000, 2_000, 48_000, 'own_recent_posts'],
  ] as const) {
    await db
      .insertInto('brand_analytics')
      .values({
        brand_id: seedBrand.id,
        platform,
        followers_count: followers,
        views_last_7_days: views,
        likes_last_7_days: likes,
        extra_metrics: JSON.stringify({ reachLast7Days: reach, basis }),
        last_fetched_at: lastAt,
      })
      .execute();
  }
}

/**
 * Seeds `dataDir` (which must be empty) and closes the core again, so a server can open it. Each
 * round's posts were published 50 to 56 hours before the feedback run that attributes them, at
 * different hours of the day.
 */
export async function seedLearningLoop(dataDir: string): Promise<LearningSeed> {
  // Seeded: the mutations, the evolution's draws and so the learnings are the same every run.
  const t = await openTempCore({
    dir: dataDir,
    start: installedAt,
    startRenderQueue: false,
    random: seededRandom(11),
  });
  try {
    await t.call('settings.set', { values: { spawnAgentPerBrand: false } });
    await t.call('brands.create', { ...seedBrand, colors: { primary: '#0f766e', accent: '#f97316' } });
    await t.call('brands.create', { ...quietBrand, colors: { primary: '#334155', accent: '#facc15' } });
    const weak = await t.call('agents.create', {
      brandId: seedBrand.id,
      personality: 'A contrarian who chases every trend a week late.',
    });

    const peers: PostMetrics[] = [];
    let posts = 0;
    const round = async (index: number, at: string, weakId: string | null, childId: string | null) => {
      t.clock.set(at);
      const now = Date.parse(at);
      for (const [i, post] of roundPosts(index, weakId, childId).entries()) {
        await writePost(t, post, new Date(now - (50 + i) * HOUR), peers);
        peers.push(post.metrics);
        posts += 1;
      }
      await t.call('learning.runFeedback');
    };
    for (const [index, at] of feedbackDays.entries()) await round(index, at, weak.agentId, null);

    t.clock.set(evolutionAt);
    const evolution = await t.call('learning.runEvolution');
    const birth = evolution.births.find((b) => b.replaced === weak.agentId);
    if (!birth)
      throw new Error(`The seed expected ${weak.agentId} to be replaced: ${JSON.stringify(evolution)}`);

    for (const [index, at] of laterFeedbackDays.entries()) {
      await round(feedbackDays.length + index, at, null, birth.agentId);
    }
    await writeAccountSnapshots(t);
    return {
      weak: { agentId: weak.agentId, displayName: weak.displayName },
      child: { agentId: birth.agentId, displayName: birth.displayName },
      posts,
    };
  } finally {
    await t.close();
  }
}

/** The Agents and Analytics journeys: a seeded data folder, served with the clock after its last round. */
export async function openLearningJourney(): Promise<{ journey: Journey; seed: LearningSeed }> {
  let seed: LearningSeed | undefined;
  const journey = await openJourney({
    prepare: async (dataDir) => {
      seed = await seedLearningLoop(dataDir);
    },
    serverArgs: ['--clock-start', serverClockStart],
  });
  return { journey, seed: seed! };
}
