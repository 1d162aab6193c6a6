import { z } from 'zod';
import { healthCheckSchema } from './system';

/** The reference's ten system checks (§5.2), in the order they run and are shown. */
export const diagnosticCheckNames = [
  'db_connection',
  'agent_population',
  'dna_integrity',
  'content_pipeline',
  'scheduler_health',
  'evolution_integrity',
  'api_connectivity',
  'publishing_pipeline',
  'cycle_freshness',
  'data_consistency',
] as const;
export type DiagnosticCheckName = (typeof diagnosticCheckNames)[number];

export const diagnosticCheckStatuses = ['pass', 'warn', 'fail'] as const;
export type DiagnosticCheckStatus = (typeof diagnosticCheckStatuses)[number];

export const diagnosticsStatuses = ['healthy', 'degraded', 'critical'] as const;
export type DiagnosticsStatus = (typeof diagnosticsStatuses)[number];

export const diagnosticCheckSchema = z.object({
  name: z.enum(diagnosticCheckNames),
  status: z.enum(diagnosticCheckStatuses),
  /** What was found, in words the creator can act on. */
  detail: z.string(),
  durationMs: z.number().min(0),
});
export type DiagnosticCheck = z.infer<typeof diagnosticCheckSchema>;

/** The numbers stored beside each run (the reference's snapshot columns). */
export const diagnosticsSnapshotSchema = z.object({
  activeAgents: z.number().int().min(0),
  /** Average survival score of the active agents, 1 dp. */
  avgSurvivalScore: z.number(),
  genePoolSize: z.number().int().min(0),
  /** Renders waiting or rendering. */
  pendingJobs: z.number().int().min(0),
  failedJobs24h: z.number().int().min(0),
  /** Posts scheduled from now on. */
  totalScheduled: z.number().int().min(0),
});
export type DiagnosticsSnapshot = z.infer<typeof diagnosticsSnapshotSchema>;

export const diagnosticsReportSchema = z.object({
  id: z.number().int(),
  /** critical: 3 or more checks fail; degraded: 1 or more fail, or 3 or more warn; else healthy. */
  status: z.enum(diagnosticsStatuses),
  totalChecks: z.number().int(),
  passed: z.number().int(),
  warnings: z.number().int(),
  failures: z.number().int(),
  checks: z.array(diagnosticCheckSchema),
  snapshot: diagnosticsSnapshotSchema,
  /** The installation checks (database, data folder, secret storage, FFmpeg…) at the same moment. */
  installation: z.array(healthCheckSchema),
  /** schedule: the diagnostics cycle (every 4 h); manual: "Run diagnostics now" or an assistant. */
  trigger: z.enum(['schedule', 'manual']),
  durationMs: z.number().min(0),
  createdAt: z.string(),
});
export type DiagnosticsReport = z.infer<typeof diagnosticsReportSchema>;

export const diagnosticsHistoryInputSchema = z
  .object({
    /** How many runs, newest first (default 24: four days of the 4-hour cycle). */
    limit: z.number().int().min(1).max(500).default(24),
  })
  .strict();
