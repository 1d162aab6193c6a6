import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { classifyReadFailure, StopPlatform, type LearningTokens } from '../analytics/platform-access';
import type { BootstrapStatus } from '../contract/analytics';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { bootstrapDefaults, scoutDefaults } from './defaults';
import { planHashtagSearches } from './hashtag-budget';
import { bootstrapMaturity, type MaturityCounts } from './maturity';
import {
  discoveryCounts,
  effectiveHashtags,
  listCompetitors,
  scoutableBrands,
  searchRecords,
} from './scout-repository';
import type { TrendScout } from './trend-scout';

/** Persisted in maestro_config (the original kept the counters in memory and lost them on restart). */
const keys = {
  complete: 'bootstrap_complete',
  startedAt: 'bootstrap_started_at',
  ticks: 'bootstrap_ticks',
  items: 'bootstrap_items_collected',
  lastTickAt: 'last_bootstrap_at',
} as const;

export interface BootstrapTickResult {
  /** Whether the tick made calls. */
  ran: boolean;
  newItems: number;
  complete: boolean;
  /** Why it did nothing, stopped early, or completed. */
  note: string | null;
}

/**
 * The cold start (reference §9.3): while the app knows little, each tick fills trending_content a
 * little more — the brands' own media (the brand with the fewest first), one competitor (the one
 * with the fewest finds), one hashtag (within the 30-a-week budget) — until the maturity rule
 * holds, then it ends itself for good. One tick at a time; the caller (the scheduler, or the
 * simulation) decides how often.
 */
export class Bootstrap {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      activity: ActivityLog;
      tokens: LearningTokens;
      scout: TrendScout;
    },
  ) {}

  async status(now: Date): Promise<BootstrapStatus> {
    const state = await this.state();
    const counts = await this.counts();
    const maturity = bootstrapMaturity(counts, state.startedAt ? new Date(state.startedAt) : null, now);
    return {
      complete: state.complete,
      startedAt: state.startedAt,
      ticks: state.ticks,
      itemsCollected: state.items,
      lastTickAt: state.lastTickAt,
      maturity: {
        own: counts.own,
        competitor: counts.competitor,
        hashtag: counts.hashtag,
        total: counts.own + counts.competitor + counts.hashtag,
        measuredPosts: counts.measuredPosts,
        mature: state.complete || maturity.mature,
        reason: maturity.reason,
      },
    };
  }

  tick(now: Date): Promise<BootstrapTickResult> {
    return this.deps.scout.exclusive(() => this.runTick(now));
  }

  private async runTick(now: Date): Promise<BootstrapTickResult> {
    const state = await this.state();
    if (state.complete) return { ran: false, newItems: 0, complete: true, note: null };
    const before = bootstrapMaturity(
      await this.counts(),
      state.startedAt ? new Date(state.startedAt) : null,
      now,
    );
    if (before.mature) {
      await this.complete(now, before.reason);
      return { ran: false, newItems: 0, complete: true, note: before.reason };
    }
    const brands = (await scoutableBrands(this.deps.db)).filter((b) => b.igUserId && b.status !== 'expired');
    if (brands.length === 0) {
      // Nothing to read yet: the 14 days have not started.
      return { ran: false, newItems: 0, complete: false, note: 'No brand has Instagram connected.' };
    }
    if (!state.startedAt) await this.write({ [keys.startedAt]: now.toISOString() });

    const { newItems, note } = await this.scan(
      brands.map((b) => b.id),
      state.ticks,
      now,
    );
    await this.write({
      [keys.ticks]: String(state.ticks + 1),
      [keys.items]: String(state.items + newItems),
      [keys.lastTickAt]: now.toISOString(),
    });
    const after = bootstrapMaturity(await this.counts(), new Date(state.startedAt ?? now.toISOString()), now);
    if (after.mature) await this.complete(now, after.reason);
    return { ran: true, newItems, complete: after.mature, note: after.mature ? after.reason : note };
  }

  /** About four calls: own media, one competitor, one hashtag (search + top media). */
  private async scan(
    brandIds: string[],
    tick: number,
    now: Date,
  ): Promise<{ newItems: number; note: string | null }> {
    const { db, scout, tokens } = this.deps;
    const perBrand = await db
      .selectFrom('trending_content')
      .select((eb) => ['brand_id', 'discovery_method', eb.fn.countAll<number>().as('n')])
      .where('brand_id', 'in', brandIds)
      .groupBy(['brand_id', 'discovery_method'])
      .execute();
    const countOf = (brandId: string, method: string) =>
      Number(perBrand.find((r) => r.brand_id === brandId && r.discovery_method === method)?.n ?? 0);
    let newItems = 0;
    const notes: string[] = [];
    const step = async (brandId: string, label: string, read: () => Promise<number>): Promise<boolean> => {
      try {
        newItems += await read();
        return true;
      } catch (error) {
        const failure = await classifyReadFailure(error, brandId, 'instagram', tokens);
        notes.push(`${label}: ${failure instanceof StopPlatform ? failure.detail : failure}`);
        return !(failure instanceof StopPlatform);
      }
    };

    // The brand with the fewest own items.
    const ownBrand = [...brandIds].sort((a, b) => countOf(a, 'own_account') - countOf(b, 'own_account'))[0]!;
    const ownAccess = await this.accessOf(ownBrand, notes);
    if (
      ownAccess &&
      !(await step(ownBrand, 'own media', () =>
        scout.steps.own(ownAccess, ownAccess.username, bootstrapDefaults.ownMediaLimit, now),
      ))
    ) {
      return { newItems, note: notes.join(' ') };
    }

    // The watched competitor with the fewest finds, over all brands.
    const competitors = (
      await Promise.all(
        brandIds.map(async (brandId) => (await listCompetitors(db, brandId)).map((c) => ({ brandId, ...c }))),
      )
    ).flat();
    const competitor = competitors.sort(
      (a, b) => a.itemsFound - b.itemsFound || a.addedAt.localeCompare(b.addedAt),
    )[0];
    if (competitor) {
      const access = await this.accessOf(competitor.brandId, notes);
      if (
        access &&
        !(await step(competitor.brandId, `@${competitor.username}`, () =>
          scout.steps.competitor(access, competitor.username, bootstrapDefaults.competitorMediaLimit, now),
        ))
      ) {
        return { newItems, note: notes.join(' ') };
      }
    }

    // One hashtag of the brands in turn, within the account's weekly budget.
    const hashtagBrand = brandIds[tick % brandIds.length]!;
    const access = await this.accessOf(hashtagBrand, notes);
    if (access) {
      const [hashtag] = planHashtagSearches(
        await effectiveHashtags(db, hashtagBrand),
        await searchRecords(db, access.igUserId),
        now,
        {
          limit: scoutDefaults.hashtagLimit,
          windowMs: scoutDefaults.hashtagWindowMs,
          perRun: 1,
          minGapMs: bootstrapDefaults.hashtagMinGapMs,
        },
      );
      if (hashtag) {
        await step(hashtagBrand, `#${hashtag}`, () =>
          scout.steps.hashtag(access, hashtag, bootstrapDefaults.topMediaPerHashtag, now),
        );
      }
    }
    return { newItems, note: notes.length ? notes.join(' ') : null };
  }

  private async accessOf(brandId: string, notes: string[]) {
    try {
      return await this.deps.scout.access(brandId);
    } catch (error) {
      const failure = await classifyReadFailure(error, brandId, 'instagram', this.deps.tokens);
      notes.push(`${brandId}: ${failure instanceof StopPlatform ? failure.detail : failure}`);
      return null;
    }
  }

  private async counts(): Promise<MaturityCounts> {
    const found = await discoveryCounts(this.deps.db);
    const measured = await this.deps.db
      .selectFrom('post_performance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([
          eb('metrics_24h_at', 'is not', null),
          eb('metrics_48h_at', 'is not', null),
          eb('metrics_7d_at', 'is not', null),
        ]),
      )
      .executeTakeFirstOrThrow();
    return {
      own: found.own_account,
      competitor: found.business_discovery,
      hashtag: found.hashtag_search,
      measuredPosts: Number(measured.n),
    };
  }

  private async complete(now: Date, reason: string): Promise<void> {
    await this.write({ [keys.complete]: 'true' });
    await this.deps.activity.record({
      agent: 'scout',
      action: 'Bootstrap complete',
      detail: `${reason} From now on the regular scout and the metrics keep the agents informed.`,
      level: 'action',
      emoji: '🌱',
    });
  }

  private async state() {
    const rows = await this.deps.db
      .selectFrom('maestro_config')
      .select(['key', 'value'])
      .where('key', 'in', Object.values(keys))
      .execute();
    const value = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
    return {
      complete: value(keys.complete) === 'true',
      startedAt: value(keys.startedAt),
      ticks: Number(value(keys.ticks) ?? 0),
      items: Number(value(keys.items) ?? 0),
      lastTickAt: value(keys.lastTickAt),
    };
  }

  /** Writes several keys in one transaction. */
  private async write(values: Record<string, string>): Promise<void> {
    const updatedAt = isoNow(this.deps.clock);
    await this.deps.db.transaction().execute(async (trx) => {
      for (const [key, value] of Object.entries(values)) {
        await trx
          .insertInto('maestro_config')
          .values({ key, value, updated_at: updatedAt })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
          .execute();
      }
    });
  }
}
