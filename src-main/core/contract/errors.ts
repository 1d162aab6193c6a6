import { z } from 'zod';

/**
 * Every failure that crosses a transport has one of these codes, so the renderer can react to
 * the kind of failure without parsing messages.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_operation',
  'not_found',
  'conflict',
  'protected',
  'unauthorized',
  'unavailable',
  'db_newer_version',
  'db_corrupt',
  'llm_failed',
  'budget_exhausted',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

/** Domain code throws this; transports turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
