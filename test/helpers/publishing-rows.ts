import type { Core } from '../../src-main/core/app';

/**
 * A rendered job with a calendar item and one publish target per platform, written with SQL so
 * the connection, dashboard and diagnostics tests do not depend on the scheduler or the
 * publisher: what the calendar would hold for a brand. A published target has its id, permalink
 * and `publishedAt`; a failed one, `error`.
 */
export async function insertScheduledPost(
  core: Core,
  input: {
    brandId: string;
    scheduleId: string;
    targets: Partial<
      Record<'instagram' | 'facebook' | 'youtube', 'scheduled' | 'published' | 'failed' | 'waiting'>
    >;
    at?: string;
    title?: string;
    contentType?: 'reel' | 'carousel';
    status?: 'scheduled' | 'published' | 'partial' | 'waiting' | 'failed';
    publishedAt?: string;
    /** When the rows were written and the targets last changed (a fixed morning otherwise). */
    writtenAt?: string;
    error?: string;
  },
): Promise<void> {
  const { db } = core.store;
  const now = input.writtenAt ?? '2026-11-25T10:00:00.000Z';
  const jobId = `GEN-${input.scheduleId.slice(4)}`;
  const title = input.title ?? 'Three habits that protect your sleep';
  const contentType = input.contentType ?? 'reel';
  const variant = contentType === 'reel' ? 'dark' : 'post';
  await db
    .insertInto('generation_jobs')
    .values({
      job_id: jobId,
      proposal_id: null,
      status: 'completed',
      title,
      content_lines: '[]',
      variant,
      ai_prompt: null,
      cta_type: null,
      brands: JSON.stringify([input.brandId]),
      platforms: JSON.stringify(Object.keys(input.targets)),
      fixed_title: 0,
      brand_outputs: '{}',
      current_step: null,
      progress_percent: 100,
      attempts: 1,
      error_message: null,
      created_at: now,
      started_at: now,
      completed_at: now,
      caption: 'Sleep is built during the day.',
      failed_step: null,
      error_details: null,
      updated_at: now,
      brand_id: input.brandId,
    })
    .execute();
  await db
    .insertInto('scheduled_posts')
    .values({
      schedule_id: input.scheduleId,
      job_id: jobId,
      brand_id: input.brandId,
      content_type: contentType,
      variant,
      title,
      caption: 'Sleep is built during the day.',
      facebook_caption: 'Sleep is built during the day.',
      youtube_title: null,
      youtube_title_source: null,
      youtube_description: null,
      first_comment: null,
      scheduled_time: input.at ?? '2026-11-26T09:00:00.000Z',
      slot_source: 'auto',
      slot_note: null,
      status: input.status ?? 'scheduled',
      platforms: JSON.stringify(Object.keys(input.targets)),
      media: '{}',
      published_at: input.publishedAt ?? null,
      publish_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const [platform, status] of Object.entries(input.targets)) {
    await db
      .insertInto('publish_targets')
      .values({
        schedule_id: input.scheduleId,
        platform: platform as 'instagram',
        status,
        step: null,
        step_started_at: null,
        external_id: status === 'published' ? 'published-id' : null,
        permalink: status === 'published' ? `https://example.test/${platform}/${input.scheduleId}` : null,
        next_attempt_at: null,
        wait_reason: status === 'waiting' ? 'connection_expired' : null,
        last_error: status === 'failed' ? (input.error ?? 'refused') : null,
        error_code: null,
        suggested_fix: null,
        published_at: status === 'published' ? (input.publishedAt ?? now) : null,
        updated_at: now,
      })
      .execute();
  }
}

export async function targetsOf(core: Core, scheduleId: string) {
  const rows = await core.store.db
    .selectFrom('publish_targets')
    .select(['platform', 'status', 'wait_reason'])
    .where('schedule_id', '=', scheduleId)
    .orderBy('platform')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.platform, { status: r.status, waitReason: r.wait_reason }]));
}

export async function postStatusOf(core: Core, scheduleId: string) {
  const row = await core.store.db
    .selectFrom('scheduled_posts')
    .select('status')
    .where('schedule_id', '=', scheduleId)
    .executeTakeFirstOrThrow();
  return row.status;
}
