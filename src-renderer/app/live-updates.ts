import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { EventPayload } from '@contract';
import { useConnectionState, useContractEvent } from './api-context';
import { applyMaestroStateEvent } from './maestro-status';
import { queryKeys } from './query-keys';

type Entity = EventPayload<'data.changed'>['entity'];

/**
 * Which cached views each changed entity can affect. Secrets show up as "set" flags elsewhere.
 * The dashboard (one `maestro.dashboard` read) shows brands (names, quotas), settings (budgets,
 * targets, time zone), proposals (waiting, today's counts), bursts, calendar (posts due and
 * published, the platforms' windows) and cycles. Renders announce `calendar` when they are
 * placed, so their own step-by-step `jobs` changes need not refetch it.
 */
const affectedBy: Record<Entity, QueryKey[]> = {
  // Maestro's overview (under bursts) lists active brands' quotas against the targets in settings.
  brands: [queryKeys.brands.all, queryKeys.bursts.all, queryKeys.dashboard.all],
  settings: [queryKeys.settings.all, queryKeys.bursts.all, queryKeys.dashboard.all],
  secrets: [queryKeys.settings.all, queryKeys.brands.all],
  agents: [queryKeys.agents.all],
  // A proposal decision changes agents' 7-day stats too.
  proposals: [queryKeys.proposals.all, queryKeys.agents.all, queryKeys.dashboard.all],
  bursts: [queryKeys.bursts.all, queryKeys.proposals.all, queryKeys.dashboard.all],
  // A finished render is scheduled at once: the calendar shows it.
  jobs: [queryKeys.jobs.all, queryKeys.calendar.all],
  calendar: [queryKeys.calendar.all, queryKeys.dashboard.all],
  // A lost connection holds that brand's posts: the calendar shows them waiting.
  connections: [queryKeys.connections.all, queryKeys.brands.all, queryKeys.calendar.all],
  analytics: [queryKeys.analytics.all],
  backups: [queryKeys.backups.all],
  // A cycle ran: the dashboard's next-run times move.
  cycles: [queryKeys.bursts.all, queryKeys.dashboard.all],
  notifications: [queryKeys.notifications.all],
  // A diagnostics run was stored: the page and the dashboard's tile show the latest, and the
  // installation checks taken with it.
  diagnostics: [queryKeys.diagnostics.all, queryKeys.app.health],
};

/**
 * Keeps every open view current with changes made elsewhere (the tray, another window or tab):
 * entity changes invalidate their queries, pause/resume updates the status directly, and after
 * the event stream was down everything is refetched because events may have been missed.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();

  useContractEvent('data.changed', ({ entity }) => {
    for (const queryKey of affectedBy[entity]) void queryClient.invalidateQueries({ queryKey });
  });

  useContractEvent('maestro.state', (status) => applyMaestroStateEvent(queryClient, status));

  const connection = useConnectionState();
  const wasDown = useRef(false);
  useEffect(() => {
    if (connection === 'lost' || connection === 'unauthorized') wasDown.current = true;
    else if (connection === 'open' && wasDown.current) {
      wasDown.current = false;
      void queryClient.invalidateQueries();
    }
  }, [connection, queryClient]);
}
