import type { Kysely, Selectable } from 'kysely';
import type { Brand } from '../contract/brands';
import { defaultContentProfile, examinerDefaults } from '../examiner/defaults';
import { publishingProfileDefaults } from '../publish/defaults';
import { completeBrandColors } from './brand-defaults';
import type { BrandsTable, Database } from '../store/database';

export type BrandRow = Selectable<BrandsTable>;

export function brandFromRow(row: BrandRow, secretKeys: ReadonlySet<string>): Brand {
  return {
    id: row.id,
    displayName: row.display_name,
    shortName: row.short_name,
    instagramHandle: row.instagram_handle,
    instagramAccountId: row.instagram_account_id,
    facebookPageId: row.facebook_page_id,
    youtubeChannelId: row.youtube_channel_id,
    scheduleOffset: row.schedule_offset,
    postsPerDay: row.posts_per_day,
    // Completed on read as well: a row whose derived colours were never stored (written by
    // hand, an older build or a bulk import) must still render instead of failing mid-job.
    colors: completeBrandColors(JSON.parse(row.colors) as Brand['colors']),
    active: row.active === 1,
    examiner: row.examiner_config
      ? { ...(JSON.parse(row.examiner_config) as Brand['examiner']), custom: true }
      : { ...examinerDefaults, custom: false },
    contentProfile: row.content_profile
      ? { ...(JSON.parse(row.content_profile) as Brand['contentProfile']), custom: true }
      : { ...defaultContentProfile, custom: false },
    publishing: row.publishing_profile
      ? { ...(JSON.parse(row.publishing_profile) as Brand['publishing']), custom: true }
      : { ...publishingProfileDefaults, custom: false },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    credentials: {
      metaAccessToken: secretKeys.has(`brand:${row.id}:metaAccessToken`),
      youtubeRefreshToken: secretKeys.has(`brand:${row.id}:youtubeRefreshToken`),
    },
  };
}

export function findBrandRow(db: Kysely<Database>, id: string): Promise<BrandRow | undefined> {
  return db.selectFrom('brands').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listBrandRows(db: Kysely<Database>, includeInactive: boolean): Promise<BrandRow[]> {
  let query = db.selectFrom('brands').selectAll().where('deleted_at', 'is', null);
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function activeScheduleOffsets(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('brands')
    .select('schedule_offset')
    .where('deleted_at', 'is', null)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.schedule_offset);
}
