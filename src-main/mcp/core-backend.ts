import { ErrorCode, McpError, type GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import type { ActivityInput } from '../core/activity/activity-log';
import type { Result } from '../core/contract/errors';
import type { OperationName } from '../core/contract/operations';
import type { Clock } from '../core/ports/clock';
import { assistantCallEntry } from './assistant-activity';
import type { AssistantBackend } from './assistant-server';
import { promptNamed } from './prompts';
import { resourceAt } from './resources';
import { operationOfTool } from './tool-catalog';
import { errorText, toolResultOf } from './tool-results';

export interface CoreBackendDeps {
  /** The core's dispatcher: the same entrance IPC and the HTTP API use. */
  invoke(name: unknown, payload: unknown): Promise<Result<unknown>>;
  /** Writes one activity entry and tells every open view. */
  record(entry: ActivityInput): Promise<unknown>;
  clock: Clock;
}

/**
 * Serves MCP calls in the process that owns the data: each one is an ordinary dispatcher call
 * (same validation, errors and events as the UI's), followed by an activity entry naming it.
 */
export function coreBackend(deps: CoreBackendDeps): AssistantBackend {
  const run = async (operation: OperationName, input: unknown, via: 'tool' | 'resource' | 'prompt') => {
    const result = await deps.invoke(operation, input);
    // The entry is a record of the call, not a consequence of it: written whatever the outcome.
    await deps.record(assistantCallEntry(operation, input, result, via)).catch((error: unknown) => {
      console.error(`could not record the assistant's call to ${operation}`, error);
    });
    return result;
  };

  const readJson = async (uri: string, via: 'resource' | 'prompt') => {
    const { operation, input } = resourceAt(uri)!.call(deps.clock.now());
    const result = await run(operation, input, via);
    if (!result.ok)
      throw new McpError(ErrorCode.InternalError, errorText(result.error), { error: result.error });
    return { uri, mimeType: 'application/json' as const, text: JSON.stringify(result.value) };
  };

  return {
    async callTool(name, args) {
      const operation = operationOfTool(name)!;
      return toolResultOf(operation, await run(operation, args, 'tool'));
    },
    async readResource(uri) {
      return { contents: [await readJson(uri, 'resource')] };
    },
    async getPrompt(name): Promise<GetPromptResult> {
      const prompt = promptNamed(name)!;
      return {
        description: prompt.description,
        messages: [
          { role: 'user', content: { type: 'text', text: prompt.instructions() } },
          {
            role: 'user',
            content: { type: 'resource', resource: await readJson(prompt.attaches, 'prompt') },
          },
        ],
      };
    },
  };
}
