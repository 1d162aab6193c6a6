import { z } from 'zod';
import { operationNames, operations, type OperationName } from '../core/contract/operations';

/** What MCP's tools/list says about one tool (the SDK's Tool shape, minus what we never set). */
export interface AssistantTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  annotations: {
    title: string;
    readOnlyHint: boolean;
    /** MCP assumes a mutating tool is destructive unless told otherwise, so this is always said. */
    destructiveHint?: boolean;
  };
}

/**
 * `proposals.bulkReview` → `proposals_bulk_review`, `scout.hashtags.list` → `scout_hashtags_list`:
 * only [a-z0-9_], which every MCP client accepts (some refuse dots, some are case-sensitive in
 * surprising ways).
 */
export function toolNameOf(operation: OperationName): string {
  return operation.replace(/\./g, '_').replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The input's JSON Schema as a client should see it: what a caller may send (zod's "input"
 * side, before defaults and transforms). Refinements cannot be expressed and stay with the
 * dispatcher, which checks every call anyway.
 */
function inputSchemaOf(operation: OperationName): AssistantTool['inputSchema'] {
  const schema = z.toJSONSchema(operations[operation].input, { io: 'input', unrepresentable: 'any' });
  const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  if (rest.type !== 'object') {
    throw new Error(`${operation}: an MCP tool's input must be a JSON object, its schema is not one.`);
  }
  return rest as AssistantTool['inputSchema'];
}

function toolOf(operation: OperationName): AssistantTool {
  const definition = operations[operation];
  const readOnly = !definition.mutates;
  return {
    name: toolNameOf(operation),
    title: definition.summary,
    description: `${definition.summary}. (Maestro operation ${operation}.)`,
    inputSchema: inputSchemaOf(operation),
    annotations: {
      title: definition.summary,
      readOnlyHint: readOnly,
      ...(readOnly
        ? {}
        : { destructiveHint: 'destructive' in definition && definition.destructive === true }),
    },
  };
}

let catalog: { tools: AssistantTool[]; byName: Map<string, OperationName> } | undefined;

function built() {
  if (!catalog) {
    const tools = operationNames.map(toolOf);
    catalog = { tools, byName: new Map(operationNames.map((name, i) => [tools[i]!.name, name])) };
  }
  return catalog;
}

/** One tool per contract operation, generated (and converted once) from the operation list. */
export function assistantTools(): readonly AssistantTool[] {
  return built().tools;
}

/** The operation a tool name stands for, or undefined for a name we never offered. */
export function operationOfTool(toolName: string): OperationName | undefined {
  return built().byName.get(toolName);
}
