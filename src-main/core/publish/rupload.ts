import { open, stat } from 'node:fs/promises';
import type { GraphClient } from '../platforms/graph-client';
import { PlatformError } from '../platforms/platform-error';
import { publishDefaults } from './defaults';
import type { FlowContext } from './flow-context';

/** The byte offset an upload host says it holds, when its refusal names one. */
export function storedOffsetOf(error: unknown): number | null {
  if (!(error instanceof PlatformError)) return null;
  const offset = error.details.offset;
  return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : null;
}

/**
 * Sends a local file to Meta's resumable upload host in chunks, saving the acknowledged offset
 * after each, so an interrupted upload continues from the last byte Meta confirmed. When the
 * host holds a different offset than ours (we stopped between its answer and our save), its
 * refusal names the offset it holds and we continue from there.
 */
export async function ruploadFile(
  ctx: FlowContext,
  graph: GraphClient,
  input: { uploadUrl: string; token: string; file: string; offsetKey: string },
): Promise<void> {
  const size = (await stat(input.file)).size;
  let offset = Number(ctx.checkpoint[input.offsetKey] ?? 0);
  const handle = await open(input.file, 'r');
  try {
    while (offset < size) {
      const length = Math.min(publishDefaults.uploadChunkBytes, size - offset);
      const bytes = new Uint8Array(length);
      await handle.read(bytes, 0, length, offset);
      try {
        await graph.rupload(
          ctx.platform === 'youtube' ? 'facebook' : ctx.platform,
          input.uploadUrl,
          input.token,
          {
            offset,
            fileSize: size,
            bytes,
          },
        );
      } catch (error) {
        const held = storedOffsetOf(error);
        if (held === null || held === offset || held > size) throw error;
        offset = held;
        await ctx.save({ [input.offsetKey]: offset });
        continue;
      }
      offset += length;
      await ctx.save({ [input.offsetKey]: offset });
      ctx.progress((offset / size) * 100);
    }
  } finally {
    await handle.close();
  }
}
