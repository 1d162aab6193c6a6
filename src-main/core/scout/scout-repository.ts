import type { Kysely } from 'kysely';
import { defaultContentProfile } from '../examiner/defaults';
import type { DiscoveredMedia } from '../platforms/graph-reads';
import type { Database } from '../store/database';
import { scoutDefaults } from './defaults';
import { afterSearch, type HashtagSearchRecord } from './hashtag-budget';
import { captionHashtags, nicheHashtags } from './niche-hashtags';

/**
 * The scout's SQL: a brand's hashtag list (a JSON value in app_settings under
 * `scout.hashtags.<brand>`, since no table holds it yet), its competitor accounts, the hashtag
 * searches counted per Instagram account, and trending_content rows (one per media, never twice).
 */

export type DiscoveryMethod = 'hashtag_search' | 'business_discovery' | 'own_account';

const hashtagsKey = (brandId: string) => `scout.hashtags.${brandId}`;

/** The creator's list for the brand, or null when the niche's defaults apply. */
export async function customHashtags(db: Kysely<Database>, brandId: string): Promise<string[] | null> {
  const row = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', hashtagsKey(brandId))
    .executeTakeFirst();
  if (!row) return null;
  const value = JSON.parse(row.value) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

export async function saveCustomHashtags(
  db: Kysely<Database>,
  brandId: string,
  hashtags: readonly string[] | null,
  now: string,
): Promise<void> {
  if (hashtags === null) {
    await db.deleteFrom('app_settings').where('key', '=', hashtagsKey(brandId)).execute();
    return;
  }
  const value = JSON.stringify([...new Set(hashtags)]);
  await db
    .insertInto('app_settings')
    .values({ key: hashtagsKey(brandId), value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** The niche-derived defaults for a brand (its content profile, or the app's default niche). */
export async function defaultHashtags(db: Kysely<Database>, brandId: string): Promise<string[]> {
  const row = await db
    .selectFrom('brands')
    .select('content_profile')
    .where('id', '=', brandId)
    .executeTakeFirst();
  const niche = row?.content_profile
    ? (JSON.parse(row.content_profile) as { niche?: string }).niche
    : defaultContentProfile.niche;
  return nicheHashtags(niche ?? defaultContentProfile.niche);
}

export async function effectiveHashtags(db: Kysely<Database>, brandId: string): Promise<string[]> {
  return (await customHashtags(db, brandId)) ?? (await defaultHashtags(db, brandId));
}

export async function searchRecords(db: Kysely<Database>, igUserId: string): Promise<HashtagSearchRecord[]> {
  const rows = await db
    .selectFrom('hashtag_searches')
    .selectAll()
    .where('ig_user_id', '=', igUserId)
    .execute();
  return rows.map((r) => ({
    hashtag: r.hashtag,
    firstSearchedAt: r.first_searched_at,
    lastSearchedAt: r.last_searched_at,
  }));
}

/** Records a search Instagram answered (so it counts even if reading its media fails next). */
export async function recordSearch(
  db: Kysely<Database>,
  igUserId: string,
  hashtag: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('hashtag_searches')
      .selectAll()
      .where('ig_user_id', '=', igUserId)
      .where('hashtag', '=', hashtag)
      .executeTakeFirst();
    const next = afterSearch(
      row
        ? { hashtag, firstSearchedAt: row.first_searched_at, lastSearchedAt: row.last_searched_at }
        : undefined,
      hashtag,
      now,
      scoutDefaults.hashtagWindowMs,
    );
    await trx
      .insertInto('hashtag_searches')
      .values({
        ig_user_id: igUserId,
        hashtag,
        first_searched_at: next.firstSearchedAt,
        last_searched_at: next.lastSearchedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['ig_user_id', 'hashtag'])
          .doUpdateSet({ first_searched_at: next.firstSearchedAt, last_searched_at: next.lastSearchedAt }),
      )
      .execute();
  });
}

export interface CompetitorRow {
  username: string;
  addedAt: string;
  itemsFound: number;
  lastFoundAt: string | null;
}

export async function listCompetitors(db: Kysely<Database>, brandId: string): Promise<CompetitorRow[]> {
  const rows = await db
    .selectFrom('competitor_accounts as c')
    .leftJoin('trending_content as t', (join) =>
      join
        .onRef('t.brand_id', '=', 'c.brand_id')
        .onRef('t.source_account', '=', 'c.username')
        .on('t.discovery_method', '=', 'business_discovery'),
    )
    .select((eb) => [
      'c.username',
      'c.added_at',
      eb.fn.count<number>('t.id').as('items'),
      eb.fn.max('t.discovered_at').as('last_found'),
    ])
    .where('c.brand_id', '=', brandId)
    .groupBy(['c.username', 'c.added_at'])
    .orderBy('c.added_at')
    .orderBy('c.username')
    .execute();
  return rows.map((r) => ({
    username: r.username,
    addedAt: r.added_at,
    itemsFound: Number(r.items),
    lastFoundAt: r.last_found ?? null,
  }));
}

/**
 * Stores discovered media that are not stored yet (ig_media_id is unique: a media found again, by
 * another method or brand, keeps its first row and its used flag). Returns how many were new.
 */
export async function storeDiscovered(
  db: Kysely<Database>,
  items: readonly DiscoveredMedia[],
  source: {
    brandId: string;
    method: DiscoveryMethod;
    hashtag: string | null;
    account: string | null;
    now: string;
  },
): Promise<number> {
  let stored = 0;
  await db.transaction().execute(async (trx) => {
    for (const item of items) {
      const mediaType = item.mediaType === 'REELS' ? 'VIDEO' : item.mediaType;
      if (mediaType !== 'VIDEO' && mediaType !== 'IMAGE' && mediaType !== 'CAROUSEL_ALBUM') continue;
      const result = await trx
        .insertInto('trending_content')
        .values({
          ig_media_id: item.id,
          brand_id: source.brandId,
          source_account: source.account,
          caption: item.caption?.slice(0, scoutDefaults.captionMaxChars) ?? null,
          media_type: mediaType,
          hashtags: JSON.stringify(captionHashtags(item.caption, scoutDefaults.captionMaxHashtags)),
          like_count: item.likeCount,
          comments_count: item.commentsCount,
          discovery_method: source.method,
          discovery_hashtag: source.hashtag,
          media_timestamp: item.timestamp,
          proposal_id: null,
          discovered_at: source.now,
        })
        .onConflict((oc) => oc.column('ig_media_id').doNothing())
        .executeTakeFirst();
      stored += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return stored;
}

/** trending_content rows per discovery method (all brands): the bootstrap's maturity counts. */
export async function discoveryCounts(db: Kysely<Database>): Promise<Record<DiscoveryMethod, number>> {
  const rows = await db
    .selectFrom('trending_content')
    .select((eb) => ['discovery_method', eb.fn.countAll<number>().as('n')])
    .groupBy('discovery_method')
    .execute();
  const counts: Record<DiscoveryMethod, number> = {
    hashtag_search: 0,
    business_discovery: 0,
    own_account: 0,
  };
  for (const row of rows) {
    if (row.discovery_method in counts) counts[row.discovery_method as DiscoveryMethod] = Number(row.n);
  }
  return counts;
}

/** Brands whose Instagram the scout may read: active, not deleted, connected (not expired). */
export async function scoutableBrands(
  db: Kysely<Database>,
  brandId?: string,
): Promise<Array<{ id: string; igUserId: string | null; status: string | null }>> {
  let query = db
    .selectFrom('brands as b')
    .leftJoin('platform_connections as c', (join) =>
      join.onRef('c.brand_id', '=', 'b.id').on('c.platform', '=', 'instagram'),
    )
    .select(['b.id', 'c.account_id', 'c.status'])
    .where('b.deleted_at', 'is', null)
    .where('b.active', '=', 1);
  if (brandId) query = query.where('b.id', '=', brandId);
  const rows = await query.orderBy('b.created_at').orderBy('b.id').execute();
  return rows.map((r) => ({ id: r.id, igUserId: r.account_id ?? null, status: r.status ?? null }));
}
