import type { IncomingMessage } from 'node:http';

/** Larger bodies are refused before parsing; no operation needs more. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Bodies past this are cut off mid-upload instead of drained. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/** The whole body as text; rejects with `too_large` past MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading (and discarding) an oversized body so the client gets our answer instead
      // of a reset connection; only a runaway upload is cut off.
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(new Error('too_large'))
        : resolveBody(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}
