import { z } from 'zod';

export const emptyInputSchema = z.object({}).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number(),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), platform: z.string() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const healthCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.array(healthCheckSchema),
  uptimeSeconds: z.number(),
  checkedAt: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
