import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `<data>/assistant-endpoint.json`: where the Maestro that owns this data folder takes MCP calls
 * right now (`http://127.0.0.1:PORT/mcp` and this run's token). The stdio bridge reads it, so a
 * client's configuration names only the data folder and never holds a token that changes with
 * every run. Readable by the owner only, like the secrets key beside it.
 */
export const ENDPOINT_FILE_NAME = 'assistant-endpoint.json';

const endpointSchema = z.object({
  url: z.string().url(),
  token: z.string().min(16),
  pid: z.number().int().positive(),
});
export type AssistantEndpoint = z.infer<typeof endpointSchema>;

export function endpointFilePath(dataDir: string): string {
  return join(dataDir, ENDPOINT_FILE_NAME);
}

/** Written under a temporary name and renamed, so a reader never sees half a file. */
export function writeEndpointFile(dataDir: string, endpoint: AssistantEndpoint): void {
  const file = endpointFilePath(dataDir);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, JSON.stringify(endpoint), { mode: 0o600 });
  renameSync(temp, file);
}

/** The published endpoint, or null when there is none (or it is not ours to read). */
export function readEndpointFile(dataDir: string): AssistantEndpoint | null {
  try {
    const parsed = endpointSchema.safeParse(JSON.parse(readFileSync(endpointFilePath(dataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Removes the file only if it still names this endpoint: a newer run's file stays. */
export function removeEndpointFile(dataDir: string, token: string): void {
  if (readEndpointFile(dataDir)?.token === token) rmSync(endpointFilePath(dataDir), { force: true });
}

/** Whether the process that wrote the file still runs (a crash leaves the file behind). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
