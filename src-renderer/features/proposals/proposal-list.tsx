import { useEffect, useId, useRef, type KeyboardEvent, type Ref } from 'react';
import type { Proposal, SearchHighlight } from '@contract';
import { Badge } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { HighlightedText } from '../../ui/highlighted-text';
import { useVirtualRows } from '../../ui/virtual-rows';
import { statusLabels, statusTones } from './proposal-status';

/** A row's height before it is measured: title, meta line and (when searching) a snippet. */
const ESTIMATED_ROW_PX = 64;

interface ProposalListProps {
  label: string;
  items: Proposal[];
  currentId: string | null;
  isChecked: (proposalId: string) => boolean;
  onSelect: (proposalId: string) => void;
  onToggle: (proposalId: string) => void;
  onMove: (delta: number) => void;
  listRef: Ref<HTMLUListElement>;
  /** With a search: each proposal's title with the matches marked and a snippet of its text. */
  highlights?: Record<string, SearchHighlight>;
  /** Asked when the rows near the end come into view (the next page, if there is one). */
  onNearEnd?: () => void;
}

/** What a screen reader says for an option: the title first, then what tells items apart. */
function optionName(proposal: Proposal): string {
  const score =
    proposal.examiner && !proposal.examiner.error ? `, score ${proposal.examiner.composite.toFixed(1)}` : '';
  return `${proposal.title}, ${proposal.contentType} by ${proposal.agentName}, ${statusLabels[proposal.status].toLowerCase()}${score}`;
}

/**
 * The queue as a listbox: focus stays on the list and `aria-activedescendant` points at the
 * current option, so items can come and go under live updates without focus getting lost.
 * `aria-selected` marks the current item; `aria-checked` marks items picked for a bulk decision.
 * Virtualized: only the options in view are rendered, each saying its place in the whole list
 * (aria-posinset of aria-setsize).
 */
export function ProposalList({
  label,
  items,
  currentId,
  isChecked,
  onSelect,
  onToggle,
  onMove,
  listRef,
  highlights,
  onNearEnd,
}: ProposalListProps) {
  const baseId = useId();
  const optionId = (proposalId: string) => `${baseId}-${proposalId}`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { virtualizer, rows, totalSize } = useVirtualRows({
    count: items.length,
    scrollRef,
    estimateSize: ESTIMATED_ROW_PX,
    onNearEnd,
  });

  // Only the rows in view exist: bring the current one into view (and into the DOM, so
  // aria-activedescendant always points at a rendered option).
  const currentIndex = currentId ? items.findIndex((item) => item.proposalId === currentId) : -1;
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [virtualizer, currentIndex]);

  // The standard listbox keys, on top of the page-wide J/K/X shortcuts.
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: -items.length,
      End: items.length,
    };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      onMove(delta);
    } else if (event.key === ' ' && currentId) {
      event.preventDefault();
      onToggle(currentId);
    }
  };

  return (
    <div className="proposal-list" ref={scrollRef}>
      <ul
        ref={listRef}
        className="proposal-list-rows"
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={currentIndex >= 0 ? optionId(currentId!) : undefined}
        onKeyDown={onKeyDown}
        style={{ height: totalSize }}
      >
        {rows.map((row) => {
          const proposal = items[row.index]!;
          const selected = proposal.proposalId === currentId;
          const checked = isChecked(proposal.proposalId);
          const highlight = highlights?.[proposal.proposalId];
          return (
            <li
              key={proposal.proposalId}
              ref={virtualizer.measureElement}
              data-index={row.index}
              id={optionId(proposal.proposalId)}
              role="option"
              aria-selected={selected}
              aria-checked={checked}
              aria-label={optionName(proposal)}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              data-proposal-id={proposal.proposalId}
              className={`proposal-option${selected ? ' is-current' : ''}${checked ? ' is-checked' : ''}`}
              style={{ transform: `translateY(${row.start}px)` }}
              onClick={() => onSelect(proposal.proposalId)}
            >
              <span
                className="proposal-check"
                aria-hidden="true"
                title={checked ? 'Remove from the selection (X)' : 'Add to the selection (X)'}
                onClick={(event) => {
                  event.stopPropagation();
                  onToggle(proposal.proposalId);
                }}
              >
                {checked ? '✓' : ''}
              </span>
              <span className="proposal-option-body">
                <span className="proposal-option-title">
                  <HighlightedText segments={highlight?.title} fallback={proposal.title} />
                </span>
                {highlight && highlight.snippet.some((segment) => segment.match) && (
                  <span className="proposal-option-snippet">
                    <HighlightedText segments={highlight.snippet} fallback="" />
                  </span>
                )}
                <span className="proposal-option-meta">
                  <Badge tone={proposal.contentType === 'reel' ? 'info' : 'neutral'}>
                    {proposal.contentType}
                  </Badge>
                  <span>{proposal.agentName}</span>
                  <span>{proposal.brandId ?? 'no brand'}</span>
                  <time dateTime={proposal.createdAt}>{formatDateTime(proposal.createdAt)}</time>
                </span>
              </span>
              <span className="proposal-option-status">
                <Badge tone={statusTones[proposal.status]}>{statusLabels[proposal.status]}</Badge>
                {proposal.examiner && !proposal.examiner.error && (
                  <span className="proposal-option-score">{proposal.examiner.composite.toFixed(1)}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
