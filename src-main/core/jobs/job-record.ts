import type { ReelMotion } from '../render/reel-video';
import type { Selectable } from 'kysely';
import type { Job, JobCaptions, JobFiles } from '../contract/jobs';
import type { GenerationJobsTable } from '../store/database';

export type JobRow = Selectable<GenerationJobsTable>;

/** Random choices drawn once when the job is created, so a resumed render is the same reel. */
export interface RenderPlan {
  seed: number;
  durationSeconds?: number;
  /** Two uniform draws in [0, 1) that choose the track and where in it the reel starts. */
  musicPick?: number;
  musicStart?: number;
  ctaLine?: string | null;
  /**
   * Whether the reel moves: `still` (one frame over music, encoded once and repeated: every reel
   * the app makes today) or `moving` (every frame encoded). Absent in plans written before it
   * existed, which are stills.
   */
  motion?: ReelMotion;
}

/** What the steps have produced so far; one entry per brand as the table has always held. */
export interface BrandOutput {
  files: JobFiles;
  captions: JobCaptions | null;
  /** Where the background came from, in words. */
  background: string | null;
  /** The prepared background photo in the job folder, or null for the brand gradient. */
  backgroundFile: string | null;
  musicTitle: string | null;
}

export const emptyFiles: JobFiles = {
  video: null,
  reelImage: null,
  thumbnail: null,
  youtubeThumbnail: null,
  slides: [],
};

export function emptyOutput(): BrandOutput {
  return {
    files: { ...emptyFiles, slides: [] },
    captions: null,
    background: null,
    backgroundFile: null,
    musicTitle: null,
  };
}

export function brandIdOf(row: JobRow): string {
  return (JSON.parse(row.brands) as string[])[0] ?? '';
}

export function outputOf(row: JobRow): BrandOutput {
  const all = JSON.parse(row.brand_outputs) as Record<string, Partial<BrandOutput>>;
  const stored = all[brandIdOf(row)];
  return { ...emptyOutput(), ...stored, files: { ...emptyFiles, ...stored?.files } };
}

export function planOf(row: JobRow): RenderPlan {
  return JSON.parse(row.render_plan) as RenderPlan;
}

export function completedStepsOf(row: JobRow): string[] {
  return JSON.parse(row.completed_steps) as string[];
}

export function jobFromRow(row: JobRow): Job {
  const output = outputOf(row);
  const plan = planOf(row);
  return {
    id: row.job_id,
    proposalId: row.proposal_id,
    brandId: brandIdOf(row),
    status: row.status,
    variant: row.variant,
    title: row.title,
    contentLines: JSON.parse(row.content_lines) as string[],
    caption: row.caption,
    hashtags: JSON.parse(row.hashtags) as string[],
    imagePrompt: row.ai_prompt,
    platforms: JSON.parse(row.platforms) as Job['platforms'],
    ctaType: row.cta_type,
    currentStep: row.current_step,
    progressPercent: row.progress_percent,
    completedSteps: completedStepsOf(row),
    attempts: row.attempts,
    cancelRequested: row.cancel_requested === 1,
    error:
      row.error_message === null
        ? null
        : { message: row.error_message, step: row.failed_step, details: row.error_details },
    files: output.files,
    captions: output.captions,
    render: {
      durationSeconds: plan.durationSeconds ?? null,
      musicTitle: output.musicTitle,
      background: output.background,
    },
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
  };
}
