import { z } from 'zod';

export const maestroStatusSchema = z.object({
  paused: z.boolean(),
  /** When pause/resume last changed; null on a fresh install (which starts paused). */
  changedAt: z.string().nullable(),
});
export type MaestroStatus = z.infer<typeof maestroStatusSchema>;
