import { useQuery } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { reviewTabs, statusLabels, type ProposalStatus } from './proposal-status';
import type { ProposalFilter } from './use-proposals';

interface StatusTabsProps {
  status: ProposalStatus;
  counts: Record<string, number>;
  panelId: string;
  onChange: (status: ProposalStatus) => void;
}

export function tabId(panelId: string, status: ProposalStatus): string {
  return `${panelId}-tab-${status}`;
}

/** One tab per status with its count; arrow keys move between tabs (roving focus). */
export function StatusTabs({ status, counts, panelId, onChange }: StatusTabsProps) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (index + delta + reviewTabs.length) % reviewTabs.length;
    tabs.current[next]?.focus();
    onChange(reviewTabs[next]!);
  };
  return (
    <div className="status-tabs" role="tablist" aria-label="Status">
      {reviewTabs.map((tab, index) => {
        const active = tab === status;
        return (
          <button
            key={tab}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tabId(panelId, tab)}
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            className={`status-tab${active ? ' is-active' : ''}`}
            data-status={tab}
            onClick={() => onChange(tab)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {statusLabels[tab]} <span className="status-tab-count">{counts[tab] ?? 0}</span>
          </button>
        );
      })}
    </div>
  );
}

type Narrowing = Omit<ProposalFilter, 'status'>;

/** Brand, agent and type narrow every tab (and its count). */
export function FilterBar({ filter, onChange }: { filter: Narrowing; onChange: (next: Narrowing) => void }) {
  const api = useApi();
  const brands = useQuery({
    queryKey: queryKeys.brands.list(true),
    queryFn: () => api['brands.list']({ includeInactive: true }),
  });
  const agents = useQuery({
    queryKey: queryKeys.agents.list(true),
    queryFn: () => api['agents.list']({ includeInactive: true }),
  });
  const set = (patch: Narrowing) => onChange({ ...filter, ...patch });
  return (
    <div className="filter-bar">
      <label>
        Brand
        <select
          value={filter.brandId ?? ''}
          onChange={(event) => set({ brandId: event.target.value || undefined })}
        >
          <option value="">All brands</option>
          {brands.data?.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        Agent
        <select
          value={filter.agentId ?? ''}
          onChange={(event) => set({ agentId: event.target.value || undefined })}
        >
          <option value="">All agents</option>
          {agents.data?.map((agent) => (
            <option key={agent.agentId} value={agent.agentId}>
              {agent.displayName}
              {agent.active ? '' : ' (retired)'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type
        <select
          value={filter.contentType ?? ''}
          onChange={(event) =>
            set({
              contentType: event.target.value === '' ? undefined : (event.target.value as 'reel' | 'post'),
            })
          }
        >
          <option value="">Reels and posts</option>
          <option value="reel">Reels</option>
          <option value="post">Posts</option>
        </select>
      </label>
    </div>
  );
}
