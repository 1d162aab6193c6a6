import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { classifyReadFailure, StopPlatform, type LearningTokens } from '../analytics/platform-access';
import type { Competitor, ScoutHashtags, ScoutRunSummary, TrendingItemView } from '../contract/analytics';
import { AppError } from '../contract/errors';
import type { GraphClient } from '../platforms/graph-client';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { scoutDefaults } from './defaults';
import { hashtagBudget, planHashtagSearches } from './hashtag-budget';
import {
  customHashtags,
  defaultHashtags,
  effectiveHashtags,
  listCompetitors,
  saveCustomHashtags,
  scoutableBrands,
  searchRecords,
} from './scout-repository';
import { ScoutSteps, type ScoutAccess } from './scout-steps';

export interface TrendScoutDeps {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  graph: GraphClient;
  tokens: LearningTokens;
}

type BrandScan = ScoutRunSummary['brands'][number];

/**
 * What other accounts post that works, per brand, through the brand's own Instagram connection:
 * its hashtags' top media (within Instagram's 30 unique hashtags a week), the competitors the
 * creator lists (business discovery), and its own recent media. Found media go to
 * trending_content once each, where the agents' intelligence reads them (unused trending items;
 * own-account items by likes). Runs and bootstrap ticks take turns, since they share the budget.
 */
export class TrendScout {
  private queue: Promise<unknown> = Promise.resolve();
  readonly steps: ScoutSteps;

  constructor(private readonly deps: TrendScoutDeps) {
    this.steps = new ScoutSteps(deps);
  }

  /** Runs `work` after every earlier run and tick (the hashtag budget is read, then spent). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---------------------------------------------------------------------------------------
  // Contract operations

  async hashtags(brandId: string): Promise<ScoutHashtags> {
    const { db } = this.deps;
    await this.requireBrand(brandId);
    const [custom, defaults] = [await customHashtags(db, brandId), await defaultHashtags(db, brandId)];
    const igUserId = (await scoutableBrands(db, brandId))[0]?.igUserId ?? null;
    const now = this.deps.clock.now();
    const rule = { limit: scoutDefaults.hashtagLimit, windowMs: scoutDefaults.hashtagWindowMs };
    const records = igUserId ? await searchRecords(db, igUserId) : [];
    const budget = hashtagBudget(records, now, rule);
    return {
      brandId,
      custom,
      defaults,
      effective: custom ?? defaults,
      budget: {
        instagramAccountId: igUserId,
        used: budget.used,
        limit: rule.limit,
        windowDays: rule.windowMs / 86_400_000,
        counted: records
          .filter((r) => budget.counted.has(r.hashtag))
          .sort((a, b) => a.firstSearchedAt.localeCompare(b.firstSearchedAt))
          .map((r) => ({
            hashtag: r.hashtag,
            countedAt: r.firstSearchedAt,
            freeUntil: new Date(Date.parse(r.firstSearchedAt) + rule.windowMs).toISOString(),
          })),
        nextFreedAt: budget.nextFreedAt?.toISOString() ?? null,
      },
    };
  }

  async setHashtags(brandId: string, hashtags: string[] | null): Promise<ScoutHashtags> {
    await this.requireBrand(brandId);
    await saveCustomHashtags(this.deps.db, brandId, hashtags, isoNow(this.deps.clock));
    return this.hashtags(brandId);
  }

  async competitors(brandId: string): Promise<Competitor[]> {
    await this.requireBrand(brandId);
    return listCompetitors(this.deps.db, brandId);
  }

  /** Adds an account to watch (the handle as the contract normalised it, "@name"); adding it twice is a no-op. */
  async addCompetitor(brandId: string, handle: string): Promise<Competitor[]> {
    await this.requireBrand(brandId);
    const username = handle.replace(/^@/, '');
    const { db } = this.deps;
    const existing = await listCompetitors(db, brandId);
    if (!existing.some((c) => c.username === username)) {
      if (existing.length >= scoutDefaults.maxCompetitorsPerBrand) {
        throw new AppError(
          'conflict',
          `A brand can watch at most ${scoutDefaults.maxCompetitorsPerBrand} accounts; remove one first.`,
        );
      }
      await db
        .insertInto('competitor_accounts')
        .values({ brand_id: brandId, username, added_at: isoNow(this.deps.clock) })
        .onConflict((oc) => oc.columns(['brand_id', 'username']).doNothing())
        .execute();
    }
    return listCompetitors(db, brandId);
  }

  async removeCompetitor(brandId: string, handle: string): Promise<Competitor[]> {
    await this.requireBrand(brandId);
    const username = handle.replace(/^@/, '');
    const result = await this.deps.db
      .deleteFrom('competitor_accounts')
      .where('brand_id', '=', brandId)
      .where('username', '=', username)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new AppError('not_found', `@${username} is not on ${brandId}’s list.`);
    }
    return listCompetitors(this.deps.db, brandId);
  }

  async trending(input: {
    brandId?: string;
    method?: 'hashtag_search' | 'business_discovery' | 'own_account';
    limit: number;
  }): Promise<TrendingItemView[]> {
    let query = this.deps.db.selectFrom('trending_content').selectAll();
    if (input.brandId) query = query.where('brand_id', '=', input.brandId);
    if (input.method) query = query.where('discovery_method', '=', input.method);
    const rows = await query
      .orderBy('discovered_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      igMediaId: r.ig_media_id,
      brandId: r.brand_id,
      discoveryMethod: r.discovery_method,
      hashtag: r.discovery_hashtag,
      account: r.source_account,
      caption: r.caption,
      mediaType: r.media_type,
      likes: r.like_count,
      comments: r.comments_count,
      mediaTimestamp: r.media_timestamp,
      discoveredAt: r.discovered_at,
      usedForProposal: r.used_for_proposal === 1,
      proposalId: r.proposal_id,
    }));
  }

  /** One scout run over every connected brand (or one); returns when it is done. */
  runNow(now?: Date, brandId?: string): Promise<ScoutRunSummary> {
    return this.exclusive(async () => {
      const at = now ?? this.deps.clock.now();
      if (brandId) await this.requireBrand(brandId);
      const brands = await scoutableBrands(this.deps.db, brandId);
      const scans: BrandScan[] = [];
      for (const brand of brands) scans.push(await this.scanBrand(brand.id, at));
      const summary: ScoutRunSummary = {
        startedAt: at.toISOString(),
        finishedAt: this.deps.clock.now().toISOString(),
        newItems: scans.reduce((sum, s) => sum + s.newItems, 0),
        brands: scans,
      };
      await this.report(summary);
      return summary;
    });
  }

  // ---------------------------------------------------------------------------------------

  /** The brand's Instagram for the scout, or a StopPlatform / AppError before any call. */
  async access(brandId: string): Promise<ScoutAccess & { username: string | null }> {
    const tokens = await this.deps.tokens.metaTokens(brandId, 'instagram');
    if (!tokens.instagramAccountId) {
      throw new StopPlatform('not_connected', 'The Instagram account id of this brand is not known.');
    }
    const row = await this.deps.db
      .selectFrom('platform_connections')
      .select('account_name')
      .where('brand_id', '=', brandId)
      .where('platform', '=', 'instagram')
      .executeTakeFirst();
    return {
      brandId,
      igUserId: tokens.instagramAccountId,
      token: tokens.userToken,
      username: row?.account_name ?? null,
    };
  }

  private async scanBrand(brandId: string, now: Date): Promise<BrandScan> {
    const scan: BrandScan = {
      brandId,
      newItems: 0,
      hashtagItems: 0,
      competitorItems: 0,
      ownItems: 0,
      hashtagsSearched: [],
      competitorsScanned: [],
      skipped: null,
      stopped: null,
      errors: [],
    };
    const { db, tokens } = this.deps;
    let access: ScoutAccess & { username: string | null };
    try {
      access = await this.access(brandId);
    } catch (error) {
      const failure = await classifyReadFailure(error, brandId, 'instagram', tokens);
      scan.skipped = failure instanceof StopPlatform ? failure.detail : failure;
      return scan;
    }
    /** A single refusal is noted and the scan goes on; a stop ends it. */
    const attempt = async (label: string, read: () => Promise<number>): Promise<number | null> => {
      try {
        return await read();
      } catch (error) {
        const failure = await classifyReadFailure(error, brandId, 'instagram', tokens);
        if (failure instanceof StopPlatform) throw failure;
        scan.errors.push(`${label}: ${failure}`);
        return null;
      }
    };
    try {
      const plan = planHashtagSearches(
        await effectiveHashtags(db, brandId),
        await searchRecords(db, access.igUserId),
        now,
        {
          limit: scoutDefaults.hashtagLimit,
          windowMs: scoutDefaults.hashtagWindowMs,
          perRun: scoutDefaults.hashtagsPerRun,
          minGapMs: scoutDefaults.hashtagMinGapMs,
        },
      );
      for (const hashtag of plan) {
        const found = await attempt(`#${hashtag}`, () =>
          this.steps.hashtag(access, hashtag, scoutDefaults.topMediaPerHashtag, now),
        );
        if (found === null) continue;
        scan.hashtagItems += found;
        scan.hashtagsSearched.push(hashtag);
      }
      const gapStart = new Date(now.getTime() - scoutDefaults.competitorMinGapMs).toISOString();
      const competitors = (await listCompetitors(db, brandId))
        .filter((c) => !c.lastFoundAt || c.lastFoundAt < gapStart)
        .sort((a, b) => a.itemsFound - b.itemsFound || a.addedAt.localeCompare(b.addedAt))
        .slice(0, scoutDefaults.competitorsPerRun);
      for (const competitor of competitors) {
        const found = await attempt(`@${competitor.username}`, () =>
          this.steps.competitor(access, competitor.username, scoutDefaults.competitorMediaLimit, now),
        );
        if (found === null) continue;
        scan.competitorItems += found;
        scan.competitorsScanned.push(competitor.username);
      }
      scan.ownItems =
        (await attempt('own media', () =>
          this.steps.own(access, access.username, scoutDefaults.ownMediaLimit, now),
        )) ?? 0;
    } catch (error) {
      if (!(error instanceof StopPlatform)) throw error;
      scan.stopped = `${error.reason.replace('_', ' ')}: ${error.detail}`;
    }
    scan.newItems = scan.hashtagItems + scan.competitorItems + scan.ownItems;
    return scan;
  }

  private async report(summary: ScoutRunSummary): Promise<void> {
    const stopped = summary.brands.filter((b) => b.stopped);
    if (summary.newItems === 0 && stopped.length === 0) return;
    await this.deps.activity.record({
      agent: 'scout',
      action: 'Trend scan',
      detail: [
        `${summary.newItems} new item(s) for ${summary.brands.filter((b) => !b.skipped).length} brand(s).`,
        ...stopped.map((b) => `${b.brandId} stopped early (${b.stopped}); the rest waits for the next run.`),
      ].join(' '),
      level: stopped.length ? 'api' : 'data',
      emoji: '🔭',
    });
  }

  private async requireBrand(brandId: string): Promise<void> {
    const brand = await this.deps.db
      .selectFrom('brands')
      .select(['id', 'deleted_at'])
      .where('id', '=', brandId)
      .executeTakeFirst();
    if (!brand || brand.deleted_at) throw new AppError('not_found', `There is no brand "${brandId}".`);
  }
}
