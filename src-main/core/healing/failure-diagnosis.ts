/** What kind of failure a render had, whether trying again can help, and what to do about it. */
export interface FailureDiagnosis {
  category:
    | 'job_timeout'
    | 'ffmpeg_encoder'
    | 'ffmpeg_resource'
    | 'ffmpeg_memory'
    | 'ffmpeg_other'
    | 'api_error'
    | 'content_error'
    | 'file_not_found'
    | 'setup_error'
    | 'unknown';
  retryable: boolean;
  action: string;
}

/** The render errors whose code alone says what happened (the app's typed errors). */
const byCode: Record<string, FailureDiagnosis> = {
  job_timeout: {
    category: 'job_timeout',
    retryable: true,
    action: 'It stopped making progress; it is tried again from its last finished step.',
  },
  ffmpeg_failed: {
    category: 'ffmpeg_other',
    retryable: true,
    action: 'FFmpeg failed (after its own quick retries); the render is tried again later.',
  },
  content_too_long: {
    category: 'content_error',
    retryable: false,
    action: 'Shorten the lines or slides of the proposal, then retry the render.',
  },
  brand_missing: {
    category: 'content_error',
    retryable: false,
    action: 'The brand was deleted: restore it from the trash, or cancel the render.',
  },
  unreadable_input: {
    category: 'content_error',
    retryable: false,
    action: 'An image it was given cannot be read: replace the background image, then retry.',
  },
  missing_resource: {
    category: 'file_not_found',
    retryable: false,
    action: 'A font, music or image file is missing: reinstall Maestro or check the brand images.',
  },
  disk_full: {
    category: 'setup_error',
    retryable: false,
    action: 'The disk is full: free some space (or move the data folder), then retry.',
  },
  ffmpeg_missing: {
    category: 'setup_error',
    retryable: false,
    action: 'FFmpeg is missing or cannot run: reinstall Maestro (Diagnostics shows the path it tried).',
  },
};

/**
 * The reference's table (§5.1), first match on the lower-cased message, after the typed codes:
 * timeouts, encoder, resource and memory trouble and other FFmpeg failures, transient API errors
 * are retried; content problems and missing files need the creator; anything else gets one try.
 */
const byMessage: Array<{ match: (m: string) => boolean; diagnosis: FailureDiagnosis }> = [
  {
    match: (m) => m.includes('job_timeout') || m.includes('without progress'),
    diagnosis: byCode.job_timeout!,
  },
  {
    match: (m) => m.includes('error while opening encoder') || m.includes('incorrect parameters'),
    diagnosis: {
      category: 'ffmpeg_encoder',
      retryable: true,
      action: 'The video encoder failed to start; it is tried again.',
    },
  },
  {
    match: (m) => m.includes('resource temporarily unavailable'),
    diagnosis: {
      category: 'ffmpeg_resource',
      retryable: true,
      action: 'The machine was busy; it is tried again a little later.',
    },
  },
  {
    match: (m) => m.includes('cannot allocate memory') || m.includes('generic error in an external library'),
    diagnosis: {
      category: 'ffmpeg_memory',
      retryable: true,
      action: 'The machine ran short of memory; lower Settings → render concurrency if this repeats.',
    },
  },
  {
    match: (m) => m.includes('ffmpeg') || m.includes('video'),
    diagnosis: { category: 'ffmpeg_other', retryable: true, action: 'FFmpeg failed; it is tried again.' },
  },
  {
    match: (m) =>
      ['api', 'timeout', 'connection', 'rate limit', '503', '502', '429'].some((w) => m.includes(w)),
    diagnosis: {
      category: 'api_error',
      retryable: true,
      action: 'An outside service failed for a moment; it is tried again.',
    },
  },
  {
    match: (m) => ['content_lines', 'empty', 'no content', 'validation'].some((w) => m.includes(w)),
    diagnosis: {
      category: 'content_error',
      retryable: false,
      action: 'The content needs a look: edit the proposal, then retry.',
    },
  },
  {
    match: (m) =>
      ['file not found', 'no such file', 'filenotfounderror', 'enoent'].some((w) => m.includes(w)),
    diagnosis: {
      category: 'file_not_found',
      retryable: false,
      action: 'A file it needs is missing: check the brand images and the data folder.',
    },
  },
];

export function diagnoseFailure(input: { code: string | null; message: string | null }): FailureDiagnosis {
  if (input.code && byCode[input.code]) return byCode[input.code]!;
  const m = (input.message ?? '').toLowerCase();
  for (const rule of byMessage) if (rule.match(m)) return rule.diagnosis;
  return { category: 'unknown', retryable: true, action: 'Unexpected failure; it is tried once more.' };
}
