/**
 * Why a render step failed, in words the Jobs page can show as they are. `kind` lets the queue
 * tell a cancellation (not a failure) from a broken input or a full disk.
 */
export type RenderErrorKind =
  | 'cancelled'
  | 'missing_resource'
  | 'unreadable_input'
  | 'disk_full'
  | 'ffmpeg_failed'
  | 'ffmpeg_missing'
  | 'content_too_long'
  | 'brand_missing';

export class RenderError extends Error {
  constructor(
    readonly kind: RenderErrorKind,
    message: string,
    /** e.g. the last lines FFmpeg printed, for the "details" fold on the Jobs page. */
    readonly details?: string,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}

/** Node's own errors for a full disk or quota, whoever hit them. */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
