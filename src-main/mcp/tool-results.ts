import type { AppErrorShape, Result } from '../core/contract/errors';
import type { OperationName } from '../core/contract/operations';

/** The SDK's CallToolResult, as much of it as we fill in. */
export interface AssistantToolResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent: Record<string, unknown>;
  isError?: boolean;
}

/**
 * Past this the text form is cut; the whole value stays in structuredContent. A long review
 * queue or calendar should not crowd a model's context on clients that only read the text.
 */
export const MAX_TEXT_CHARS = 20_000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** MCP wants an object; lists come back as `{ items }`, anything else as `{ value }`. */
export function structuredFormOf(value: unknown): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  if (Array.isArray(value)) return { items: value };
  return { value: value ?? null };
}

function headline(operation: OperationName, value: unknown): string {
  if (Array.isArray(value)) return `${operation}: ${value.length} item${value.length === 1 ? '' : 's'}.`;
  if (isPlainObject(value) && Array.isArray(value.items)) {
    const more = value.hasMore === true ? ' (more exist: page on)' : '';
    return `${operation}: ${value.items.length} item${value.items.length === 1 ? '' : 's'}${more}.`;
  }
  return `${operation}: done.`;
}

function clipped(text: string): string {
  return text.length <= MAX_TEXT_CHARS
    ? text
    : `${text.slice(0, MAX_TEXT_CHARS)}… (cut at ${MAX_TEXT_CHARS} characters; structuredContent has all of it)`;
}

/** "invalid_input: …" then one line per field, the way a form would list them. */
export function errorText(error: AppErrorShape): string {
  const lines = [`${error.code}: ${error.message}`];
  const fields = (error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields;
  if (Array.isArray(fields)) for (const field of fields) lines.push(`- ${field.path}: ${field.message}`);
  return lines.join('\n');
}

/**
 * A dispatcher result as an MCP tool result: the operation's typed output as structured content
 * plus a short text form for clients that only read text. A failure is a tool error carrying the
 * same typed error the UI gets (`{ error: { code, message, details } }`), never a protocol error,
 * so the model can read it and correct its call.
 */
export function toolResultOf(operation: OperationName, result: Result<unknown>): AssistantToolResult {
  if (!result.ok) return toolErrorOf(result.error);
  const structured = structuredFormOf(result.value);
  return {
    content: [
      { type: 'text', text: `${headline(operation, result.value)}\n${clipped(JSON.stringify(structured))}` },
    ],
    structuredContent: structured,
  };
}

/** A failed call, or a refusal before any operation ran (Maestro not reachable, assistants off). */
export function toolErrorOf(error: AppErrorShape): AssistantToolResult {
  return {
    content: [{ type: 'text', text: errorText(error) }],
    structuredContent: { error },
    isError: true,
  };
}
