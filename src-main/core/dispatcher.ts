import { AppError, type Result } from './contract/errors';
import {
  isOperationName,
  operations,
  type OperationName,
  type OutputOf,
  type ParsedInputOf,
} from './contract/operations';

export type Handlers = { [K in OperationName]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>> };

/**
 * The handlers one domain owns: every operation named `<domain>.…`. Each domain exports a
 * function returning these, so the composition root only wires, and a new operation is added
 * next to the code that serves it.
 */
export type DomainHandlers<D extends string> = Pick<Handlers, Extract<OperationName, `${D}.${string}`>>;

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** zod's generic wording, said the way a form should say it; custom messages pass through. */
export function friendlyIssueMessage(issue: Issue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'Required';
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${issue.maximum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `At least ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `At most ${issue.maximum}`;
  if (issue.code === 'unrecognized_keys')
    return issue.message.replace(/^Unrecognized keys?/, 'Unknown field');
  return issue.message;
}

/** Turns zod's issue list into one readable sentence plus structured details for forms. */
function describeIssues(issues: readonly Issue[]) {
  const fields = issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: friendlyIssueMessage(issue),
  }));
  const summary = fields
    .slice(0, 3)
    .map((f) => `${f.path}: ${f.message}`)
    .join('; ');
  return { summary: summary + (fields.length > 3 ? `; and ${fields.length - 3} more` : ''), fields };
}

/**
 * The single entrance to the core: validates the payload against the contract, runs the
 * handler, and turns every failure into a typed `{ ok: false, error }`. Invalid input never
 * reaches a handler, so it cannot change anything.
 */
export function createDispatcher(handlers: Handlers, onUnexpected: (name: string, error: unknown) => void) {
  return async function invoke(name: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isOperationName(name)) {
      const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
      return {
        ok: false,
        error: { code: 'unknown_operation', message: `There is no operation "${shown}".` },
      };
    }
    const parsed = operations[name].input.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const { summary, fields } = describeIssues(parsed.error.issues as readonly Issue[]);
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${name}: ${summary}`,
          details: { fields },
        },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      onUnexpected(name, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `${name} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`,
        },
      };
    }
  };
}
