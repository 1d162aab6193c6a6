import { useEffect, useId, type KeyboardEvent, type Ref } from 'react';
import type { Proposal } from '@contract';
import { Badge } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { statusLabels, statusTones } from './proposal-status';

interface ProposalListProps {
  label: string;
  items: Proposal[];
  currentId: string | null;
  isChecked: (proposalId: string) => boolean;
  onSelect: (proposalId: string) => void;
  onToggle: (proposalId: string) => void;
  onMove: (delta: number) => void;
  listRef: Ref<HTMLUListElement>;
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
}: ProposalListProps) {
  const baseId = useId();
  const optionId = (proposalId: string) => `${baseId}-${proposalId}`;

  useEffect(() => {
    if (currentId) document.getElementById(`${baseId}-${currentId}`)?.scrollIntoView({ block: 'nearest' });
  }, [baseId, currentId]);

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
    <ul
      ref={listRef}
      className="proposal-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={currentId ? optionId(currentId) : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((proposal) => {
        const selected = proposal.proposalId === currentId;
        const checked = isChecked(proposal.proposalId);
        return (
          <li
            key={proposal.proposalId}
            id={optionId(proposal.proposalId)}
            role="option"
            aria-selected={selected}
            aria-checked={checked}
            aria-label={optionName(proposal)}
            data-proposal-id={proposal.proposalId}
            className={`proposal-option${selected ? ' is-current' : ''}${checked ? ' is-checked' : ''}`}
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
              <span className="proposal-option-title">{proposal.title}</span>
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
  );
}
