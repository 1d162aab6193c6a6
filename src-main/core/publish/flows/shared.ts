import { PlatformError } from '../../platforms/platform-error';
import type { FlowContext, FlowResult } from '../flow-context';
import type { FlowDeps } from '../flow-deps';

/** Where a post's files live on the media host: one folder per post, so cleanup is exact. */
export function hostKey(ctx: FlowContext, name: string): string {
  return `maestro/${ctx.post.schedule_id}/${ctx.platform}/${name}`;
}

/** An Instagram carousel without a media host waits for the creator instead of failing silently. */
export function needsMediaHost(): FlowResult {
  return {
    kind: 'needs_you',
    reason: 'needs_media_host',
    message: 'Instagram fetches carousel slides from a public URL, and no media host is set up.',
    suggestedFix:
      'Set up a media host (S3, R2 or MinIO) in Settings, or use “Export for manual posting” and post it yourself.',
  };
}

/** Deletes what this post put on the media host (after publishing, or when it failed for good). */
export async function removeHosted(ctx: FlowContext, deps: FlowDeps): Promise<void> {
  const hosted = (ctx.checkpoint.hosted as string[] | undefined) ?? [];
  if (hosted.length === 0) return;
  const host = await deps.mediaHost();
  if (!host) return;
  for (const key of hosted) await host.remove(key);
  await ctx.save({ hosted: undefined });
}

/**
 * The brand's first comment under a published post, once: a comment whose answer was lost is
 * looked up among the post's comments before writing it again. A refused comment does not undo
 * the post; it is reported with the post instead.
 */
export async function postFirstComment(
  ctx: FlowContext,
  deps: FlowDeps,
  platform: 'instagram' | 'facebook',
  objectId: string,
  token: string,
): Promise<void> {
  const text = ctx.post.first_comment;
  if (!text || typeof ctx.checkpoint.commentId === 'string' || ctx.checkpoint.commentError) return;
  try {
    if (ctx.pending('comment')) {
      const field = platform === 'instagram' ? 'text' : 'message';
      const existing = await deps.graph.get<{
        data?: Array<{ id: string; text?: string; message?: string }>;
      }>(platform, 'comments.list', `${objectId}/comments`, token, { fields: `id,${field}` });
      const found = existing.data?.find((c) => (c.text ?? c.message ?? '').trim() === text.trim());
      if (found) {
        await ctx.save({ commentId: found.id });
        return;
      }
    }
    await ctx.intend('comment');
    const comment = await deps.graph.post<{ id: string }>(
      platform,
      'comments.create',
      `${objectId}/comments`,
      token,
      {
        message: text,
      },
    );
    await ctx.save({ commentId: comment.id });
  } catch (error) {
    // The post is out: only a passing hiccup is worth coming back for; a refusal (or a token
    // that just expired) is reported with the post rather than holding it as unpublished.
    if (!(error instanceof PlatformError) || (error.kind !== 'permanent' && error.kind !== 'auth'))
      throw error;
    await ctx.save({ commentError: error.message });
  }
}
