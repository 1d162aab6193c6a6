import { jsonrepair } from 'jsonrepair';
import type { z } from 'zod';

export type JsonAnswer<T> =
  { ok: true; value: T; repaired: boolean } | { ok: false; repaired: boolean; reason: string };

const FENCED_BLOCK = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)(?:```|$)/;

/**
 * The JSON object inside a model's answer: the inside of a ``` fence if one opens before the
 * object (backticks inside a JSON string are left alone), then everything from the first `{`
 * to the last `}`; when no `}` follows (an answer cut off by max_tokens), everything from the
 * first `{` on, for the repair to close.
 */
export function extractJsonCandidate(content: string): string | null {
  const fenced = FENCED_BLOCK.exec(content);
  const firstBrace = content.indexOf('{');
  const text = fenced && (firstBrace === -1 || fenced.index < firstBrace) ? fenced[1]! : content;
  const start = text.indexOf('{');
  if (start === -1) return null;
  const end = text.lastIndexOf('}');
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(answer)'}: ${issue.message}`)
    .join('; ');
  const more = error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '';
  return `the answer does not match the expected shape (${shown}${more})`;
}

/**
 * Parses a model's answer as JSON and validates it against the caller's schema. Broken
 * syntax (trailing commas, single quotes, a cut-off end, ...) is repaired once; an answer
 * that still is not JSON, or is JSON of the wrong shape, is reported with a reason.
 */
export function parseJsonAnswer<T>(content: string | null | undefined, schema: z.ZodType<T>): JsonAnswer<T> {
  if (!content || !content.trim()) return { ok: false, repaired: false, reason: 'the answer was empty' };
  const candidate = extractJsonCandidate(content);
  if (candidate === null) return { ok: false, repaired: false, reason: 'the answer contains no JSON object' };

  let value: unknown;
  let repaired = false;
  try {
    value = JSON.parse(candidate);
  } catch {
    try {
      value = JSON.parse(jsonrepair(candidate));
      repaired = true;
    } catch (error) {
      return {
        ok: false,
        repaired: false,
        reason: `the answer is not valid JSON and could not be repaired (${(error as Error).message})`,
      };
    }
  }

  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, repaired, reason: describeIssues(parsed.error) };
  return { ok: true, value: parsed.data, repaired };
}
