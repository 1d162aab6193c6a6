import { z } from 'zod';
import { brandIdSchema } from './brands';

export const jobStatuses = ['pending', 'generating', 'completed', 'failed', 'cancelled'] as const;
export const jobVariants = ['light', 'dark', 'post'] as const;
export const platforms = ['instagram', 'facebook', 'youtube'] as const;

/** `GEN-` and digits, as the original's ids (and the lead's proposals) use. */
export const jobIdSchema = z
  .string()
  .max(24)
  .regex(/^GEN-\d{6,16}$/, 'Use a job id such as GEN-123456');

const platformSchema = z.enum(platforms);
const hashtagSchema = z
  .string()
  .max(101)
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'Use a hashtag such as #sleep');

/**
 * What a render job is made from: an accepted proposal (the lead's acceptance flow) or a manual
 * request from the Jobs page. The caption is the proposal's and is used as written.
 */
export const jobCreateSchema = z
  .object({
    proposalId: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'Use a proposal id such as PROP-1234')
      .nullable()
      .optional(),
    brandId: brandIdSchema,
    variant: z.enum(jobVariants),
    title: z.string().trim().min(1).max(300),
    /** Reel lines, or the carousel's text slides (one slide per entry, "\n" for paragraphs). */
    contentLines: z.array(z.string().trim().min(1).max(1500)).min(1).max(20),
    caption: z.string().max(5000).nullable().optional(),
    hashtags: z.array(hashtagSchema).max(30).optional(),
    imagePrompt: z.string().trim().max(2000).nullable().optional(),
    platforms: z.array(platformSchema).min(1).max(3).optional(),
    ctaType: z.enum(['follow_tips', 'none']).optional(),
  })
  .strict();
export type JobCreateInput = z.infer<typeof jobCreateSchema>;

export const jobIdInputSchema = z.object({ id: jobIdSchema }).strict();
export const jobListInputSchema = z
  .object({
    status: z.enum(jobStatuses).optional(),
    proposalId: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    limit: z.number().int().min(1).max(500).optional(),
    /** The next page: jobs after this one, newest first (created time, then id). */
    beforeJobId: jobIdSchema.optional(),
  })
  .strict();

/** Files of a finished job, relative to the media folder (served at /media/… or maestro-media://). */
export const jobFilesSchema = z.object({
  video: z.string().nullable(),
  reelImage: z.string().nullable(),
  thumbnail: z.string().nullable(),
  youtubeThumbnail: z.string().nullable(),
  slides: z.array(z.string()),
});

export const jobCaptionsSchema = z.object({
  instagram: z.string(),
  facebook: z.string(),
  youtubeTitle: z.string(),
  youtubeDescription: z.string(),
  hashtags: z.array(z.string()),
});

export const jobSchema = z.object({
  id: z.string(),
  proposalId: z.string().nullable(),
  brandId: z.string(),
  status: z.enum(jobStatuses),
  variant: z.enum(jobVariants),
  title: z.string(),
  contentLines: z.array(z.string()),
  caption: z.string().nullable(),
  hashtags: z.array(z.string()),
  imagePrompt: z.string().nullable(),
  platforms: z.array(platformSchema),
  ctaType: z.string().nullable(),
  currentStep: z.string().nullable(),
  progressPercent: z.number(),
  completedSteps: z.array(z.string()),
  attempts: z.number(),
  cancelRequested: z.boolean(),
  error: z
    .object({ message: z.string(), step: z.string().nullable(), details: z.string().nullable() })
    .nullable(),
  files: jobFilesSchema,
  captions: jobCaptionsSchema.nullable(),
  /** Where the background came from, the music used, the reel's length. */
  render: z.object({
    durationSeconds: z.number().nullable(),
    musicTitle: z.string().nullable(),
    background: z.string().nullable(),
  }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;
export type JobStatus = Job['status'];
export type JobFiles = z.infer<typeof jobFilesSchema>;
export type JobCaptions = z.infer<typeof jobCaptionsSchema>;
