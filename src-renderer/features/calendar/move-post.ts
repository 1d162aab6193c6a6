import { AppError, type CalendarItem } from '@contract';
import { describeError } from '../../ui/errors';

export type MoveOutcome =
  | { moved: true; item: CalendarItem }
  /** `refused`: the rules said no (the reason is the core's); otherwise the move failed. */
  | { moved: false; refused: boolean; reason: string };

interface MoveOperations {
  checkSlot(at: string): Promise<{ ok: boolean; reason: string | null }>;
  reschedule(at: string): Promise<CalendarItem>;
}

/**
 * A drop (or "Move to…") asks first and moves second: checkSlot gives the reason a time is
 * refused before anything changes, and reschedule validates again in its own transaction, so a
 * slot taken between the two is still refused (as a `conflict` whose message is the reason).
 * Whatever goes wrong, the caller gets a sentence to show and puts the post back.
 */
export async function movePost(ops: MoveOperations, at: string): Promise<MoveOutcome> {
  try {
    const verdict = await ops.checkSlot(at);
    if (!verdict.ok) {
      return {
        moved: false,
        refused: true,
        reason: verdict.reason ?? 'That time is not allowed for this post.',
      };
    }
    return { moved: true, item: await ops.reschedule(at) };
  } catch (error) {
    const refused = error instanceof AppError && error.code === 'conflict';
    return { moved: false, refused, reason: describeError(error) };
  }
}
