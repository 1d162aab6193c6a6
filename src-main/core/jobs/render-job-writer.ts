import type { Kysely } from 'kysely';
import { chooseCtaLine } from '../captions/captions';
import { AppError } from '../contract/errors';
import type { JobCreateInput } from '../contract/jobs';
import { isoNow, type Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import { videoDefaults } from '../render/defaults';
import type { Database } from '../store/database';
import { uniqueJobId } from './job-ids';
import type { RenderPlan } from './job-record';
import { jobIdTaken } from './job-repository';

/** An Instagram carousel holds at most 10 items: the cover and nine text slides. */
export const MAX_TEXT_SLIDES = 9;

/**
 * The random choices of a render, drawn once at creation: length of the reel, music and where
 * it starts, the CTA line, the image seed. Pure, so tests can check what a seed gives.
 */
export function drawRenderPlan(
  variant: JobCreateInput['variant'],
  ctaType: 'follow_tips' | 'none',
  random: Random,
): RenderPlan {
  const seed = Math.floor(random.next() * 2 ** 31);
  if (variant === 'post') return { seed };
  const choices = videoDefaults.durationChoicesSeconds;
  const durationSeconds = choices[Math.min(choices.length - 1, Math.floor(random.next() * choices.length))]!;
  return {
    seed,
    durationSeconds,
    musicPick: random.next(),
    musicStart: random.next(),
    ctaLine: chooseCtaLine(ctaType, random),
    motion: 'still',
  };
}

/** A carousel with more text slides than Instagram takes is refused before anything is written. */
export function assertSlideCount(input: Pick<JobCreateInput, 'variant' | 'contentLines'>): void {
  if (input.variant === 'post' && input.contentLines.length > MAX_TEXT_SLIDES) {
    throw new AppError(
      'invalid_input',
      `A carousel holds the cover and at most ${MAX_TEXT_SLIDES} text slides; this one has ${input.contentLines.length}.`,
      { fields: [{ path: 'contentLines', message: `At most ${MAX_TEXT_SLIDES} slides` }] },
    );
  }
}

/** SQLite's answer when an insert breaks a unique index. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Writes one waiting render job as part of the caller's transaction. The waiting row is the
 * render queue's outbox: the queue drains it after the commit (and at every start), so a job is
 * queued exactly when the change that asked for it commits. One job per (proposal, brand) is
 * enforced by the store; a second one is a typed conflict naming the first.
 */
export async function insertRenderJob(
  trx: Kysely<Database>,
  input: JobCreateInput,
  deps: { clock: Clock; random: Random },
): Promise<string> {
  assertSlideCount(input);
  const ctaType = input.ctaType ?? 'follow_tips';
  const platforms =
    input.platforms ??
    (input.variant === 'post' ? ['instagram', 'facebook'] : ['instagram', 'facebook', 'youtube']);
  const jobId = await uniqueJobId(deps.random, (candidate) => jobIdTaken(trx, candidate));
  const now = isoNow(deps.clock);
  try {
    await trx
      .insertInto('generation_jobs')
      .values({
        job_id: jobId,
        proposal_id: input.proposalId ?? null,
        brand_id: input.brandId,
        status: 'pending',
        title: input.title,
        content_lines: JSON.stringify(input.contentLines),
        variant: input.variant,
        ai_prompt: input.imagePrompt ?? null,
        cta_type: ctaType,
        brands: JSON.stringify([input.brandId]),
        platforms: JSON.stringify([...new Set(platforms)]),
        fixed_title: 1,
        brand_outputs: '{}',
        current_step: null,
        progress_percent: 0,
        attempts: 0,
        error_message: null,
        created_at: now,
        started_at: null,
        completed_at: null,
        caption: input.caption ?? null,
        hashtags: JSON.stringify(input.hashtags ?? []),
        render_plan: JSON.stringify(drawRenderPlan(input.variant, ctaType, deps.random)),
        updated_at: now,
      })
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error) || !input.proposalId) throw error;
    const existing = await trx
      .selectFrom('generation_jobs')
      .select(['job_id', 'status'])
      .where('proposal_id', '=', input.proposalId)
      .where('brand_id', '=', input.brandId)
      .executeTakeFirst();
    throw new AppError(
      'conflict',
      `${input.proposalId} already has a render for ${input.brandId} (${existing?.job_id ?? 'another job'}, ${existing?.status ?? 'unknown'}); retry or open that job instead.`,
      { proposalId: input.proposalId, brandId: input.brandId, jobId: existing?.job_id },
    );
  }
  return jobId;
}
