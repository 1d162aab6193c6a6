import type { Kysely } from 'kysely';
import type { Database } from '../../../src-main/core/store/database';

/** Rows the diagnostics read, written with SQL so each check's conditions are set by hand. */

export async function insertRender(
  db: Kysely<Database>,
  input: {
    jobId: string;
    status: 'pending' | 'generating' | 'completed' | 'failed' | 'cancelled';
    createdAt: string;
    updatedAt?: string;
    brandId?: string | null;
    proposalId?: string | null;
    error?: string;
  },
): Promise<void> {
  await db
    .insertInto('generation_jobs')
    .values({
      job_id: input.jobId,
      proposal_id: input.proposalId ?? null,
      status: input.status,
      title: 'Three habits that protect your sleep',
      content_lines: '[]',
      variant: 'dark',
      brands: JSON.stringify(input.brandId ? [input.brandId] : []),
      platforms: '["instagram"]',
      fixed_title: 0,
      brand_outputs: '{}',
      progress_percent: input.status === 'completed' ? 100 : 40,
      attempts: 1,
      error_message: input.error ?? null,
      created_at: input.createdAt,
      started_at: input.status === 'pending' ? null : input.createdAt,
      completed_at: ['completed', 'failed'].includes(input.status)
        ? (input.updatedAt ?? input.createdAt)
        : null,
      updated_at: input.updatedAt ?? input.createdAt,
      brand_id: input.brandId ?? null,
    })
    .execute();
}

/** A rendered post on the calendar with one target per listed platform. */
export async function insertPost(
  db: Kysely<Database>,
  input: {
    scheduleId: string;
    brandId: string;
    scheduledTime: string;
    status?: 'scheduled' | 'published' | 'failed' | 'waiting';
    targets?: Array<{
      platform: 'instagram' | 'facebook' | 'youtube';
      status: 'scheduled' | 'published' | 'failed';
      at: string;
      error?: string;
    }>;
  },
): Promise<void> {
  const jobId = `GEN-${input.scheduleId}`;
  await insertRender(db, {
    jobId,
    status: 'completed',
    createdAt: input.scheduledTime,
    brandId: input.brandId,
  });
  await db
    .insertInto('scheduled_posts')
    .values({
      schedule_id: input.scheduleId,
      job_id: jobId,
      brand_id: input.brandId,
      content_type: 'reel',
      variant: 'dark',
      title: 'Three habits that protect your sleep',
      caption: 'Sleep is built during the day.',
      facebook_caption: 'Sleep is built during the day.',
      scheduled_time: input.scheduledTime,
      slot_source: 'auto',
      status: input.status ?? 'scheduled',
      platforms: JSON.stringify((input.targets ?? []).map((t) => t.platform)),
      media: '{}',
      created_at: input.scheduledTime,
      updated_at: input.scheduledTime,
    })
    .execute();
  for (const target of input.targets ?? []) {
    await db
      .insertInto('publish_targets')
      .values({
        schedule_id: input.scheduleId,
        platform: target.platform,
        status: target.status,
        last_error: target.error ?? null,
        published_at: target.status === 'published' ? target.at : null,
        updated_at: target.at,
      })
      .execute();
  }
}

export async function insertConnection(
  db: Kysely<Database>,
  input: {
    brandId: string;
    platform: 'instagram' | 'facebook' | 'youtube';
    status: 'connected' | 'expired';
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('platform_connections')
    .values({
      brand_id: input.brandId,
      platform: input.platform,
      account_id: '17841400000000000',
      account_name: 'thehealthycollege',
      status: input.status,
      connected_at: input.at,
      updated_at: input.at,
    })
    .execute();
}
