/**
 * Addresses on the headless server that the MCP feature adds. Imports nothing, so the renderer
 * (Settings → AI assistants) can use the same names as the server.
 */
export const assistantHttpPaths = {
  /** MCP over Streamable HTTP (POST only; stateless). */
  mcp: '/mcp',
  /** The client configuration Settings shows; the desktop app answers the same over IPC. */
  clientConfig: '/api/assistant-config',
} as const;

/** The flag that starts the installed app as the stdio bridge (here so config needs no SDK). */
export const DESKTOP_BRIDGE_FLAG = '--mcp-stdio';
