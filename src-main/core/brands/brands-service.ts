import type { Kysely, Updateable } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import type { Brand, BrandCreateInput, BrandUpdateInput } from '../contract/brands';
import { AppError } from '../contract/errors';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import type { SecretStore } from '../secrets/secret-store';
import type { BrandsTable, Database } from '../store/database';
import {
  brandDefaults,
  completeBrandColors,
  deriveShortName,
  nextFreeScheduleOffset,
} from './brand-defaults';
import {
  activeScheduleOffsets,
  brandFromRow,
  findBrandRow,
  listBrandRows,
  type BrandRow,
} from './brands-repository';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  events: EventHub;
  secrets: SecretStore;
}

/** Brand CRUD. Deletion moves a brand to the trash so the UI can offer Undo. */
export class BrandsService {
  constructor(private readonly deps: Deps) {}

  async list(includeInactive = false): Promise<Brand[]> {
    const rows = await listBrandRows(this.deps.db, includeInactive);
    const keys = await this.deps.secrets.keys();
    return rows.map((row) => brandFromRow(row, keys));
  }

  async get(id: string): Promise<Brand> {
    return this.toBrand(await this.requireLive(id));
  }

  async create(input: BrandCreateInput): Promise<Brand> {
    const { db, clock } = this.deps;
    const pending: ActivityEntry[] = [];
    const row = await db.transaction().execute(async (trx) => {
      const existing = await findBrandRow(trx, input.id);
      if (existing) {
        throw new AppError(
          'conflict',
          existing.deleted_at
            ? `A deleted brand still uses the id "${input.id}". Restore it, or choose another id.`
            : `A brand with the id "${input.id}" already exists.`,
          { id: input.id },
        );
      }
      const now = isoNow(clock);
      const values: BrandRow = {
        id: input.id,
        display_name: input.displayName,
        short_name: input.shortName ?? deriveShortName(input.displayName),
        instagram_handle: input.instagramHandle ?? null,
        instagram_account_id: input.instagramAccountId ?? null,
        facebook_page_id: input.facebookPageId ?? null,
        youtube_channel_id: input.youtubeChannelId ?? null,
        schedule_offset: input.scheduleOffset ?? nextFreeScheduleOffset(await activeScheduleOffsets(trx)),
        posts_per_day: input.postsPerDay ?? brandDefaults.postsPerDay,
        colors: JSON.stringify(completeBrandColors(input.colors)),
        active: input.active === false ? 0 : 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        examiner_config: input.examiner ? JSON.stringify(input.examiner) : null,
        content_profile: input.contentProfile ? JSON.stringify(input.contentProfile) : null,
        publishing_profile: input.publishing ? JSON.stringify(input.publishing) : null,
      };
      await trx.insertInto('brands').values(values).execute();
      pending.push(
        await this.deps.activity.insert(trx, {
          action: 'Brand created',
          detail: `${values.display_name} (${values.id})`,
          level: 'data',
          emoji: '🏷️',
          brandId: values.id,
        }),
      );
      return values;
    });
    pending.forEach((e) => this.deps.activity.announce(e));
    this.changed(row.id);
    return this.toBrand(row);
  }

  async update({ id, patch }: BrandUpdateInput): Promise<Brand> {
    const { db, clock } = this.deps;
    const pending: ActivityEntry[] = [];
    const row = await db.transaction().execute(async (trx) => {
      const current = await this.requireLive(id, trx);
      const changes: Updateable<BrandsTable> = { updated_at: isoNow(clock) };
      if (patch.displayName !== undefined) changes.display_name = patch.displayName;
      if (patch.shortName !== undefined) changes.short_name = patch.shortName;
      if (patch.instagramHandle !== undefined) changes.instagram_handle = patch.instagramHandle;
      if (patch.instagramAccountId !== undefined) changes.instagram_account_id = patch.instagramAccountId;
      if (patch.facebookPageId !== undefined) changes.facebook_page_id = patch.facebookPageId;
      if (patch.youtubeChannelId !== undefined) changes.youtube_channel_id = patch.youtubeChannelId;
      if (patch.scheduleOffset !== undefined) changes.schedule_offset = patch.scheduleOffset;
      if (patch.postsPerDay !== undefined) changes.posts_per_day = patch.postsPerDay;
      if (patch.colors !== undefined) changes.colors = JSON.stringify(completeBrandColors(patch.colors));
      if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
      if (patch.examiner !== undefined)
        changes.examiner_config = patch.examiner ? JSON.stringify(patch.examiner) : null;
      if (patch.contentProfile !== undefined) {
        changes.content_profile = patch.contentProfile ? JSON.stringify(patch.contentProfile) : null;
      }
      if (patch.publishing !== undefined) {
        changes.publishing_profile = patch.publishing ? JSON.stringify(patch.publishing) : null;
      }
      await trx.updateTable('brands').set(changes).where('id', '=', id).execute();
      pending.push(
        await this.deps.activity.insert(trx, {
          action: 'Brand updated',
          detail: `${current.display_name} (${id}): ${Object.keys(patch).join(', ')}`,
          level: 'data',
          emoji: '✏️',
          brandId: id,
        }),
      );
      return (await findBrandRow(trx, id))!;
    });
    pending.forEach((e) => this.deps.activity.announce(e));
    this.changed(id);
    return this.toBrand(row);
  }

  async delete(id: string): Promise<Brand> {
    return this.setDeleted(id, true);
  }

  async restore(id: string): Promise<Brand> {
    return this.setDeleted(id, false);
  }

  private async setDeleted(id: string, deleted: boolean): Promise<Brand> {
    const { db, clock } = this.deps;
    const pending: ActivityEntry[] = [];
    const row = await db.transaction().execute(async (trx) => {
      const current = await findBrandRow(trx, id);
      if (!current || (deleted && current.deleted_at) || (!deleted && !current.deleted_at)) {
        throw new AppError(
          'not_found',
          deleted ? `No brand "${id}".` : `No deleted brand "${id}" to restore.`,
          { id },
        );
      }
      const now = isoNow(clock);
      await trx
        .updateTable('brands')
        .set({ deleted_at: deleted ? now : null, updated_at: now })
        .where('id', '=', id)
        .execute();
      pending.push(
        await this.deps.activity.insert(trx, {
          action: deleted ? 'Brand deleted' : 'Brand restored',
          detail: `${current.display_name} (${id})`,
          level: 'data',
          emoji: deleted ? '🗑️' : '↩️',
          brandId: id,
        }),
      );
      return (await findBrandRow(trx, id))!;
    });
    pending.forEach((e) => this.deps.activity.announce(e));
    this.changed(id);
    return this.toBrand(row);
  }

  private async requireLive(id: string, db: Kysely<Database> = this.deps.db): Promise<BrandRow> {
    const row = await findBrandRow(db, id);
    if (!row || row.deleted_at) throw new AppError('not_found', `No brand "${id}".`, { id });
    return row;
  }

  private async toBrand(row: BrandRow): Promise<Brand> {
    return brandFromRow(row, await this.deps.secrets.keys());
  }

  private changed(id: string): void {
    this.deps.events.emit('data.changed', { entity: 'brands', id });
  }
}
