import { useId, useState } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { timelineKinds, type TimelineKind } from './learning-history';
import { LearningsTimeline } from './learnings-timeline';
import { useAgentTimeline } from './use-learning';

const emptyText: Record<TimelineKind, string> = {
  all: 'Nothing learned yet. Changes appear here when feedback adapts an agent to its measured posts, when the weekly evolution acts, or when you edit or mutate an agent.',
  weights:
    'No strategy changes yet. Feedback moves the weights once at least 3 of the agent’s posts have been measured for 48 hours.',
  temperature:
    'No temperature changes yet. Feedback raises it while survival is under 30 and lowers it above 60.',
  evolution: 'No evolution events yet.',
  manual: 'No edits or mutations by you.',
};

/**
 * One agent's learnings (or, without `agentId`, every agent's), newest first, a page at a time,
 * optionally of one kind.
 */
export function AgentLearnings({ agentId }: { agentId?: string }) {
  const [kind, setKind] = useState<TimelineKind>('all');
  const timeline = useAgentTimeline(agentId, kind);
  const filterId = useId();
  const entries = timeline.data?.pages.flat() ?? [];

  return (
    <>
      <div className="list-options">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          className="select select-inline"
          value={kind}
          onChange={(event) => setKind(event.target.value as TimelineKind)}
        >
          {timelineKinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {timeline.isPending && <p className="muted">Loading learnings…</p>}
      {timeline.isError && !timeline.data && (
        <ErrorMessage error={timeline.error} title="Could not load the learnings." />
      )}
      {timeline.isSuccess && entries.length === 0 && <p className="empty-state">{emptyText[kind]}</p>}
      {entries.length > 0 && <LearningsTimeline learnings={entries} showAgent={agentId === undefined} />}
      {timeline.hasNextPage && (
        <p>
          <button
            type="button"
            className="button button-small"
            disabled={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            {timeline.isFetchingNextPage ? 'Loading…' : 'Show older'}
          </button>
        </p>
      )}
      {timeline.isFetchNextPageError && (
        <ErrorMessage error={timeline.error} title="Could not load older learnings." />
      )}
    </>
  );
}
