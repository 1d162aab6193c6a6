import { z } from 'zod';
import { brandIdSchema } from './brands';

/** A backup's folder name: `maestro-` and the UTC time it was taken. */
export const backupIdSchema = z
  .string()
  .max(64)
  .regex(/^maestro-\d{8}T\d{6}\d{3}Z$/, 'Unknown backup');

export const backupSchema = z.object({
  id: backupIdSchema,
  /** Where it is on disk. */
  path: z.string(),
  kind: z.enum(['automatic', 'manual']),
  takenAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  includesMedia: z.boolean(),
  /** Bytes of the data file, and of the media when included. */
  databaseBytes: z.number(),
  mediaBytes: z.number(),
  /** integrity_check said "ok" when it was written (a backup that fails it is never kept). */
  verified: z.boolean(),
});
export type Backup = z.infer<typeof backupSchema>;

/** A brand archive found in the backup folder's `brands/` folder. */
export const brandArchiveSchema = z.object({
  file: z.string(),
  brandId: z.string(),
  exportedAt: z.string(),
  bytes: z.number(),
});
export type BrandArchive = z.infer<typeof brandArchiveSchema>;

export const backupListSchema = z.object({
  folder: z.string(),
  /** Newest first. */
  backups: z.array(backupSchema),
  brandArchives: z.array(brandArchiveSchema),
  daily: z.boolean(),
  /** How many automatic copies the rotation keeps. */
  keeps: z.object({ daily: z.number().int(), weekly: z.number().int() }),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupNowInputSchema = z
  .object({
    /** Copy the rendered media too; the setting decides when absent. */
    includeMedia: z.boolean().optional(),
  })
  .strict();

export const backupRestoreInputSchema = z.object({ id: backupIdSchema }).strict();

export const backupRestoreResultSchema = z.object({
  /** The restored copy. */
  backup: backupSchema,
  /** Where the data it replaces is kept (moved there at the restart). */
  keptAsideIn: z.string(),
  /** true: Maestro is restarting now; false: it opens the restored file at its next start. */
  restarting: z.boolean(),
});

export const brandExportInputSchema = z.object({ brandId: brandIdSchema }).strict();

const rowCountsSchema = z.record(z.string(), z.number().int());

export const brandExportResultSchema = z.object({
  file: z.string(),
  bytes: z.number(),
  /** Rows written, per table. */
  rows: rowCountsSchema,
});

export const brandImportInputSchema = z
  .object({
    /** A `.maestro-brand.json.gz` archive, by its full path. */
    file: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .regex(/\.maestro-brand\.json\.gz$/, 'Choose a .maestro-brand.json.gz archive'),
  })
  .strict();

export const brandImportResultSchema = z.object({
  brandId: z.string(),
  /** Rows added, per table. */
  rows: rowCountsSchema,
  /** Rows already in this file (same id), left as they are. */
  skipped: rowCountsSchema,
});
