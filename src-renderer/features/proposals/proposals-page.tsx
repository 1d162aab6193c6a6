import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { BurstBanner } from './burst-banner';
import { ExaminerPanel } from './examiner-panel';
import { FilterBar, StatusTabs, tabId } from './proposal-filters';
import { ProposalDetail } from './proposal-detail';
import { ProposalList } from './proposal-list';
import { emptyLabels, isReviewTab, statusLabels } from './proposal-status';
import { ShortcutLegend } from './shortcut-legend';
import { useProposalCounts, type ProposalFilter } from './use-proposals';
import { useReviewQueue } from './use-review-queue';
import { useReviewShortcuts } from './use-review-shortcuts';
import './proposals.css';

/** The filter lives in the address (#/proposals?status=…), so a reload keeps the view. */
function filterFromParams(params: URLSearchParams): ProposalFilter {
  const status = params.get('status');
  const type = params.get('type');
  return {
    status: isReviewTab(status) ? status : 'pending',
    brandId: params.get('brand') ?? undefined,
    agentId: params.get('agent') ?? undefined,
    contentType: type === 'reel' || type === 'post' ? type : undefined,
    search: params.get('q') ?? undefined,
  };
}

function paramsFromFilter(filter: ProposalFilter): Record<string, string> {
  const params: Record<string, string> = { status: filter.status };
  if (filter.brandId) params.brand = filter.brandId;
  if (filter.agentId) params.agent = filter.agentId;
  if (filter.contentType) params.type = filter.contentType;
  if (filter.search) params.q = filter.search;
  return params;
}

/** How long typing pauses before the address takes the search. */
const ADDRESS_PAUSE_MS = 400;

export function ProposalsPage() {
  const [params, setParams] = useSearchParams();
  // What is typed lives here first and drives the list at once. The address follows after a
  // pause: rewriting it re-renders the whole app (router, navigation, every open hook), which on
  // every keystroke cost more than the search itself.
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const inAddress = useRef(search);
  const filter = { ...filterFromParams(params), search: search || undefined };
  const setFilter = (next: ProposalFilter) => {
    setSearch(next.search ?? '');
    inAddress.current = next.search ?? '';
    setParams(paramsFromFilter(next), { replace: true });
  };
  useEffect(() => {
    if (inAddress.current === search) return;
    const timer = setTimeout(() => {
      inAddress.current = search;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (search) next.set('q', search);
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, ADDRESS_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, setParams]);
  const counts = useProposalCounts(filter).data ?? {};
  const panelId = useId();

  return (
    <>
      <PageHeader
        title="Proposals"
        description="Reels and carousels the agents wrote, waiting for your decision. Nothing is rendered until it is accepted."
      />
      <BurstBanner />
      <div className="review-toolbar">
        <StatusTabs
          status={filter.status}
          counts={counts}
          panelId={panelId}
          onChange={(status) => setFilter({ ...filter, status })}
        />
        <FilterBar
          filter={filter}
          onChange={(narrowing) => setFilter({ ...narrowing, status: filter.status, search: filter.search })}
        />
        <label className="review-search">
          Search
          <input
            type="search"
            value={filter.search ?? ''}
            placeholder="Words in titles, captions, lines…"
            aria-describedby={`${panelId}-search-hint`}
            onChange={(event) => setSearch(event.target.value)}
          />
          <span id={`${panelId}-search-hint`} className="visually-hidden">
            Every word is matched as the start of a word; the list and the counts follow as you type.
          </span>
        </label>
      </div>
      <ExaminerPanel brandId={filter.brandId} agentId={filter.agentId} />
      <div
        className="review-layout"
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(panelId, filter.status)}
      >
        {/* Keyed by the filter: another view starts with a fresh cursor and an empty selection.
            Not by the search: results replace each other as the creator types. */}
        <ReviewQueue
          key={JSON.stringify(paramsFromFilter({ ...filter, search: undefined }))}
          filter={filter}
        />
      </div>
    </>
  );
}

function ReviewQueue({ filter }: { filter: ProposalFilter }) {
  const queue = useReviewQueue(filter);
  const { list, current } = queue;

  useReviewShortcuts({
    next: () => queue.move(1),
    previous: () => queue.move(-1),
    accept: queue.accept,
    reject: () => queue.openNote('reject'),
    toggleChecked: () => current && queue.toggleChecked(current.proposalId),
    bulkAccept: () => queue.decideChecked('accept'),
    bulkReject: () => queue.decideChecked('reject'),
    clearChecked: queue.clearChecked,
  });

  const statusLabel = statusLabels[filter.status];
  const searching = Boolean(filter.search?.trim());
  const loadMore = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };

  return (
    <>
      {/* data-results-for: the search the list shows now (absent while the next one loads). */}
      <div
        className="review-list-column"
        data-results-for={
          list.isPlaceholderData || list.isPending ? undefined : (filter.search?.trim() ?? '')
        }
      >
        {queue.checked.length > 0 && (
          <div className="bulk-bar" role="region" aria-label="Selection">
            <span>
              <strong>{queue.checked.length}</strong> selected
            </span>
            <div className="button-row">
              <button
                type="button"
                className="button button-small button-primary"
                disabled={queue.busy}
                onClick={() => queue.decideChecked('accept')}
                aria-keyshortcuts="Shift+A"
              >
                Accept all
              </button>
              <button
                type="button"
                className="button button-small button-danger-quiet"
                disabled={queue.busy}
                onClick={() => queue.decideChecked('reject')}
                aria-keyshortcuts="Shift+R"
              >
                Reject all
              </button>
              <button type="button" className="button button-small" onClick={queue.clearChecked}>
                Clear
              </button>
            </div>
          </div>
        )}
        {list.isPending && <p className="muted">Loading proposals…</p>}
        {list.isError && <ErrorMessage error={list.error} title="Could not load proposals." />}
        {list.isSuccess && queue.items.length === 0 && (
          <p className="empty-state card">
            {searching
              ? `No ${statusLabel.toLowerCase()} proposal has “${filter.search!.trim()}”.`
              : `${emptyLabels[filter.status]}${filter.brandId || filter.agentId || filter.contentType ? ' for this filter' : ''}.`}
          </p>
        )}
        {queue.items.length > 0 && (
          <ProposalList
            label={`${statusLabel} proposals`}
            items={queue.items}
            currentId={current?.proposalId ?? null}
            isChecked={queue.isChecked}
            onSelect={queue.select}
            onToggle={queue.toggleChecked}
            onMove={queue.move}
            listRef={queue.listRef}
            highlights={searching ? list.highlights : undefined}
            onNearEnd={loadMore}
          />
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="button load-more"
            disabled={list.isFetchingNextPage}
            onClick={loadMore}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
        <p className="review-announcement" role="status">
          {queue.announcement}
        </p>
        <ShortcutLegend />
      </div>

      <div className="review-detail-column">
        {current ? (
          <ProposalDetail
            key={current.proposalId}
            proposal={current}
            busy={queue.busy}
            failure={queue.failure}
            noteDecision={queue.noteRequest?.decision ?? null}
            onAccept={queue.accept}
            onOpenNote={queue.openNote}
            onConfirmNote={queue.confirmNote}
            onCancelNote={queue.cancelNote}
          />
        ) : (
          list.isSuccess && <p className="muted">Nothing to show.</p>
        )}
      </div>
    </>
  );
}
