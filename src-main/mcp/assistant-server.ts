import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type GetPromptResult,
  type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import { promptNamed, assistantPrompts } from './prompts';
import { assistantResources, resourceAt } from './resources';
import { assistantTools, operationOfTool } from './tool-catalog';
import type { AssistantToolResult } from './tool-results';

/** MCP's "resource not found" (the spec's code; the SDK has no name for it). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * Where calls go: the core's dispatcher in the process that owns the data (core-backend.ts), or
 * that process over HTTP from the stdio bridge (remote-backend.ts). Names are already checked
 * against the catalog when a backend is asked.
 */
export interface AssistantBackend {
  callTool(name: string, args: Record<string, unknown>): Promise<AssistantToolResult>;
  readResource(uri: string): Promise<ReadResourceResult>;
  getPrompt(name: string): Promise<GetPromptResult>;
}

export const SERVER_NAME = 'maestro';

const instructions = [
  "Maestro is the creator's local control room for AI content agents that propose, render, schedule and publish reels and carousels for their brands.",
  "Each tool is one operation of Maestro's own contract, validated exactly as in the app; a refused call returns the reason and the fields to fix.",
  'Tools that are not read-only change real data; those marked destructive remove or stop something, so confirm with the creator first. Publishing reaches real audiences.',
  'Every call is shown to the creator in Maestro\'s activity log under "assistant".',
].join(' ');

/**
 * The MCP server every transport serves: tools, resources and prompts are listed from the
 * contract in this process (so a client sees them even while Maestro starts), and every call is
 * handed to the backend. The SDK's low-level Server is used on purpose: McpServer would validate
 * input with its own zod pass and answer with its own errors, where the dispatcher must be the
 * one place input is checked and the typed errors must be the UI's.
 */
export function createAssistantServer(backend: AssistantBackend, version: string): Server {
  const server = new Server(
    { name: SERVER_NAME, title: 'Maestro Desktop', version },
    { capabilities: { tools: {}, resources: {}, prompts: {} }, instructions },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...assistantTools()] }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const { name, arguments: args } = request.params;
    if (!operationOfTool(name)) throw new McpError(ErrorCode.InvalidParams, `Maestro has no tool "${name}".`);
    return backend.callTool(name, args ?? {});
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: assistantResources.map(({ uri, name, title, description, mimeType }) => ({
      uri,
      name,
      title,
      description,
      mimeType,
    })),
  }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => {
    if (!resourceAt(request.params.uri)) {
      throw new McpError(RESOURCE_NOT_FOUND, `Maestro has no resource ${request.params.uri}.`, {
        uri: request.params.uri,
      });
    }
    return backend.readResource(request.params.uri);
  });

  server.setRequestHandler(ListPromptsRequestSchema, () => ({
    prompts: assistantPrompts.map(({ name, title, description }) => ({ name, title, description })),
  }));
  server.setRequestHandler(GetPromptRequestSchema, (request) => {
    if (!promptNamed(request.params.name)) {
      throw new McpError(ErrorCode.InvalidParams, `Maestro has no prompt "${request.params.name}".`);
    }
    return backend.getPrompt(request.params.name);
  });

  return server;
}
