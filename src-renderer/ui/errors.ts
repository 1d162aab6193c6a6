import { AppError } from '@contract';

export type FieldErrors = Record<string, string>;

interface FieldIssue {
  path: string;
  message: string;
}

function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof AppError) || error.code !== 'invalid_input') return [];
  const details = error.details as { fields?: unknown } | undefined;
  if (!Array.isArray(details?.fields)) return [];
  return details.fields.filter(
    (f): f is FieldIssue => typeof f?.path === 'string' && typeof f?.message === 'string',
  );
}

/**
 * Maps `invalid_input` details to form fields, first message per field. `prefix` drops a wrapper
 * the form does not show (e.g. "patch." for brands.update, "values." for settings.set).
 */
export function fieldErrorsOf(error: unknown, prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of fieldIssues(error)) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Field errors for paths the form has no field for; they go in the form-level message instead. */
export function unplacedFieldErrors(errors: FieldErrors, placed: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !placed.includes(path))
    .map(([path, message]) => (path === '(input)' ? message : `${path}: ${message}`));
}

/** One sentence for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    if (error.code === 'unauthorized') return `${error.message} (Reopen the address printed by the server.)`;
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
