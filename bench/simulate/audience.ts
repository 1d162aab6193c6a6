import BetterSqlite3 from 'better-sqlite3';
import type { AudiencePost, FakeAudience } from '../../test/fakes/fake-audience';
import { normal, type Truth } from './truth';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the world needs to know about a published post: who it was for and how it was made. */
export interface PostLabel {
  brandId: string;
  topic: string;
  strategy: string;
}

/**
 * Reads a post's labels from the app's own SQLite file by the platform's media id (the world
 * looks at what the app decided; it never tells the app anything but the numbers the fake
 * platform reports). Labels never change once a post is published, so they are cached.
 */
export function labelsFromDatabase(file: string): {
  label(platform: string, mediaId: string): PostLabel | null;
  close(): void;
} {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const statement = db.prepare(`
    SELECT p.brand_id AS brandId, p.topic_bucket AS topic, p.strategy AS strategy
    FROM publish_targets t
    JOIN scheduled_posts s ON s.schedule_id = t.schedule_id
    JOIN generation_jobs j ON j.job_id = s.job_id
    JOIN proposals p ON p.proposal_id = j.proposal_id
    WHERE t.platform = ? AND t.external_id = ?`);
  const cache = new Map<string, PostLabel | null>();
  return {
    label(platform, mediaId) {
      const key = `${platform}:${mediaId}`;
      if (!cache.has(key)) {
        const row = statement.get(platform, mediaId) as PostLabel | undefined;
        cache.set(key, row && row.brandId && row.topic && row.strategy ? row : null);
      }
      return cache.get(key)!;
    },
    close: () => db.close(),
  };
}

/**
 * The simulated audience behind the fake platforms. A post's final reach is the brand's reach per
 * post, scaled by how good the post is ((rate / brand mean)^reachFollowsRate) and by log-normal
 * noise; its interactions are reach × its true rate × noise, split into likes, comments, saves
 * and shares; everything grows like 1 − e^(−age / growthHours). Pure in (post, at), as the fakes
 * require: every number comes from the truth, the seed and the post id.
 */
export function worldAudience(
  truth: Truth,
  labels: (post: AudiencePost) => PostLabel | null,
  brandOfAccount: (accountId: string) => string | null,
): FakeAudience {
  const { world, seed } = truth;
  const lognormal = (sd: number, key: string) => Math.exp(sd * normal(key) - (sd * sd) / 2);
  return {
    post(post, at) {
      const ageHours = (at.getTime() - post.publishedAt.getTime()) / HOUR_MS;
      if (ageHours < 0) return null;
      const label = labels(post);
      if (!label) return null;
      const brand = world.brands.find((b) => b.id === label.brandId);
      if (!brand) return null;
      const rate = truth.rate(label.brandId, label.topic, label.strategy, truth.week(post.publishedAt));
      const quality = rate / truth.meanRate(label.brandId);
      const reach =
        brand.reachPerPost *
        quality ** world.reachFollowsRate *
        lognormal(world.reachNoise, `${seed}|reach|${post.id}`);
      const interactions = reach * rate * lognormal(world.postNoise, `${seed}|engagement|${post.id}`);
      const grown = 1 - Math.exp(-ageHours / world.growthHours);
      const share = world.interactions;
      return {
        views: reach * world.viewsPerReach * grown,
        reach: reach * grown,
        likes: interactions * share.likes * grown,
        comments: interactions * share.comments * grown,
        saves: interactions * share.saves * grown,
        shares: interactions * share.shares * grown,
      };
    },
    account(account, at) {
      const days = Math.max(0, (at.getTime() - Date.parse(world.start)) / DAY_MS);
      const brandId = brandOfAccount(account.id);
      const base = world.brands.find((b) => b.id === brandId)?.followers ?? 0;
      return { followers: Math.round(base * (1 + 0.002 * days)) };
    },
  };
}
