import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { ActivityFeed } from './activity-feed';
import { CyclesCard } from './cycles-card';
import { DailyBurstCard } from './daily-burst-card';
import { DiagnosticsTile } from './diagnostics-tile';
import { LlmUsageCard } from './llm-usage-card';
import { MaestroStatusCard } from './maestro-status-card';
import { PlatformQuotaCard } from './platform-quota-card';
import { PostsCard } from './posts-card';
import { useDashboard } from './use-maestro';
import { WaitingCard } from './waiting-card';
import './dashboard.css';

/**
 * What Maestro is doing right now. One read (`maestro.dashboard`) feeds every card but three:
 * the Maestro card (pause and the burst runner, from `maestro.status` as the tray), the
 * diagnostics tile and the activity feed, which have operations of their own.
 */
export function DashboardPage() {
  const dashboard = useDashboard();
  const data = dashboard.data;
  return (
    <>
      <PageHeader title="Dashboard" description="What Maestro is doing right now." />
      {dashboard.isError && (
        <ErrorMessage
          error={dashboard.error}
          title={
            data
              ? 'Could not refresh the dashboard; showing the last figures.'
              : 'Could not load the dashboard.'
          }
        />
      )}
      <div className="dashboard-grid">
        <MaestroStatusCard />
        <WaitingCard proposals={data?.proposals} />
        <DiagnosticsTile />
      </div>
      <div className="dashboard-grid">
        <DailyBurstCard overview={data?.burst} />
        <PostsCard posts={data?.posts} />
      </div>
      <div className="dashboard-grid">
        <LlmUsageCard usage={data?.llm} />
        <PlatformQuotaCard platforms={data?.platforms} />
      </div>
      <CyclesCard cycles={data?.cycles} />
      <ActivityFeed />
    </>
  );
}
