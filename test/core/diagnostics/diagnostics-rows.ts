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
