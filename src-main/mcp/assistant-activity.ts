import type { ActivityInput } from '../core/activity/activity-log';
import type { Result } from '../core/contract/errors';
import { operations, type OperationName } from '../core/contract/operations';
import { redactSecrets } from '../core/llm/redact';

/** The activity log's `agent` for everything an assistant did over MCP. */
export const ASSISTANT_AGENT = 'assistant';
/** Input shown in an entry's detail; a long caption or a bulk list is cut here. */
export const MAX_INPUT_CHARS = 600;

/** Fields whose values must never reach the log, whatever operation carries them. */
const SECRET_FIELD = /^(value|token|userToken|password)$|secret|apikey|accesskey/i;

function withoutSecrets(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(withoutSecrets);
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key,
      SECRET_FIELD.test(key) ? '[redacted]' : withoutSecrets(value),
    ]),
  );
}

function shownInput(input: unknown): string {
  const text = JSON.stringify(withoutSecrets(input ?? {})) ?? '';
  return text.length <= MAX_INPUT_CHARS ? text : `${text.slice(0, MAX_INPUT_CHARS)}…`;
}

/**
 * One activity entry per call an assistant made, so the creator sees what their assistant did
 * (and tried) beside what Maestro did: changes as actions, reads as API calls, refusals as
 * errors with the reason the assistant was given.
 */
export function assistantCallEntry(
  operation: OperationName,
  input: unknown,
  result: Result<unknown>,
  via: 'tool' | 'resource' | 'prompt' = 'tool',
): ActivityInput {
  const { summary, mutates } = operations[operation];
  const outcome = result.ok ? 'done' : `refused, ${result.error.code}: ${result.error.message}`;
  return {
    agent: ASSISTANT_AGENT,
    action: `Assistant: ${summary}`,
    detail: redactSecrets(`${operation} ${shownInput(input)} (${via}) → ${outcome}`, []),
    level: !result.ok ? 'error' : mutates ? 'action' : 'api',
    emoji: '🤖',
  };
}
