import { useRef, useState } from 'react';
import type { Proposal } from '@contract';
import { describeError } from '../../ui/errors';
import { toast } from '../../ui/toast-store';
import { decisionBlocker, type ReviewDecision } from './proposal-status';
import { nextAfterReview, resolveCurrent, stepFrom } from './review-selection';
import { useBulkReview, useProposalList, useReviewProposal, type ProposalFilter } from './use-proposals';

export interface NoteRequest {
  proposalId: string;
  decision: ReviewDecision;
}

const pastTense: Record<ReviewDecision, string> = { accept: 'Accepted', reject: 'Rejected' };

/**
 * The review queue's behaviour for one filter: the cursor, the multi-selection, the note
 * field, and the decisions. The page only lays it out. Mount it keyed by the filter, so a new
 * filter starts with a fresh cursor and an empty selection.
 */
export function useReviewQueue(filter: ProposalFilter) {
  const list = useProposalList(filter);
  const review = useReviewProposal();
  const bulk = useBulkReview();
  const { items } = list;

  // The selected id, and where it was last seen (see review-selection.ts).
  const [cursor, setCursor] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const [checkedIds, setCheckedIds] = useState<ReadonlySet<string>>(new Set());
  const [noteRequest, setNoteRequest] = useState<NoteRequest | null>(null);
  const [failure, setFailure] = useState<{ proposalId: string; message: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  const current = resolveCurrent(items, cursor.id, cursor.index);
  // Items reviewed elsewhere drop out of the selection with the list.
  const checked = items.filter((item) => checkedIds.has(item.proposalId));

  const select = (proposalId: string | null) => {
    if (proposalId === null) return;
    setCursor({ id: proposalId, index: items.findIndex((item) => item.proposalId === proposalId) });
    setNoteRequest(null);
  };

  const move = (delta: number) => {
    const target = stepFrom(items, current?.proposalId ?? null, delta);
    // At the end of what is loaded, moving on loads the next page.
    if (delta > 0 && target === current?.proposalId && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
    }
    select(target);
  };

  const focusList = () => listRef.current?.focus();

  async function decide(proposal: Proposal, decision: ReviewDecision, note?: string) {
    const blocker = decisionBlocker(proposal, decision);
    if (blocker) {
      setFailure({ proposalId: proposal.proposalId, message: blocker });
      return;
    }
    if (review.isPending) return;
    setFailure(null);
    const next = nextAfterReview(items, proposal.proposalId, new Set([proposal.proposalId]));
    const index = items.indexOf(proposal);
    try {
      await review.mutateAsync({
        proposalId: proposal.proposalId,
        decision,
        note: note?.trim() || undefined,
      });
      setAnnouncement(`${pastTense[decision]} ${proposal.proposalId}: “${proposal.title}”.`);
      setCheckedIds((ids) => without(ids, [proposal.proposalId]));
      // Move on only if the user has not moved meanwhile; once the reviewed item has left the
      // list, the next one sits at its old position.
      setCursor((c) => (c.id === null || c.id === proposal.proposalId ? { id: next, index } : c));
      // A clicked button that went away takes focus with it; give it back to the list.
      if (!document.activeElement || document.activeElement === document.body) focusList();
    } catch (error) {
      setFailure({
        proposalId: proposal.proposalId,
        message: `Could not ${decision} ${proposal.proposalId}: ${describeError(error)}`,
      });
    }
  }

  async function decideChecked(decision: ReviewDecision) {
    if (bulk.isPending) return;
    if (checked.length === 0) {
      setAnnouncement('Nothing selected: press X on proposals to select them first.');
      return;
    }
    const ids = checked.map((item) => item.proposalId);
    const leaving = new Set(ids);
    const next =
      current && leaving.has(current.proposalId) ? nextAfterReview(items, current.proposalId, leaving) : null;
    try {
      const result = await bulk.mutateAsync({ proposalIds: ids, decision });
      setCheckedIds(new Set());
      if (next) select(next);
      const skipped = result.skipped.length > 0 ? ` Skipped ${result.skipped.length}.` : '';
      setAnnouncement(`${pastTense[decision]} ${result.updated.length} of ${ids.length}.${skipped}`);
      if (result.skipped.length > 0) {
        toast.error(
          `${pastTense[decision]} ${result.updated.length}; skipped ${result.skipped.length}: ` +
            result.skipped.map((s) => `${s.proposalId} (${s.reason})`).join('; '),
        );
      } else {
        toast.success(`${pastTense[decision]} ${result.updated.length} proposals.`);
      }
    } catch (error) {
      toast.error(`Could not ${decision} the selection: ${describeError(error)}`);
    }
  }

  const toggleChecked = (proposalId: string) =>
    setCheckedIds((ids) =>
      ids.has(proposalId) ? without(ids, [proposalId]) : new Set([...ids, proposalId]),
    );

  const openNote = (decision: ReviewDecision) => {
    if (!current) return;
    const blocker = decisionBlocker(current, decision);
    if (blocker) return setFailure({ proposalId: current.proposalId, message: blocker });
    setNoteRequest({ proposalId: current.proposalId, decision });
  };

  return {
    list,
    items,
    current,
    checked,
    isChecked: (proposalId: string) => checkedIds.has(proposalId),
    announcement,
    listRef,
    busy: review.isPending || bulk.isPending,
    /** The failed decision for the proposal on screen, if any. */
    failure: failure && failure.proposalId === current?.proposalId ? failure.message : null,
    /** The open note field, if it belongs to the proposal on screen. */
    noteRequest: noteRequest && noteRequest.proposalId === current?.proposalId ? noteRequest : null,
    select,
    move,
    toggleChecked,
    accept: () => current && void decide(current, 'accept'),
    openNote,
    confirmNote: (note: string) => {
      const request = noteRequest;
      setNoteRequest(null);
      focusList();
      const proposal = request && items.find((item) => item.proposalId === request.proposalId);
      if (proposal && request) void decide(proposal, request.decision, note);
    },
    cancelNote: () => {
      setNoteRequest(null);
      focusList();
    },
    decideChecked: (decision: ReviewDecision) => void decideChecked(decision),
    clearChecked: () => setCheckedIds(new Set()),
  };
}

function without(ids: ReadonlySet<string>, remove: string[]): ReadonlySet<string> {
  const next = new Set(ids);
  for (const id of remove) next.delete(id);
  return next;
}
