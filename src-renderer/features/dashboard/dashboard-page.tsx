import { PageHeader } from '../../ui/page-header';
import { ActivityFeed } from './activity-feed';
import { DailyBurstCard } from './daily-burst-card';
import { HealthSummary } from './health-summary';
import { LlmUsageCard } from './llm-usage-card';
import { MaestroStatusCard } from './maestro-status-card';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="What Maestro is doing right now." />
      <div className="dashboard-grid">
        <MaestroStatusCard />
        <HealthSummary />
      </div>
      <div className="dashboard-grid">
        <DailyBurstCard />
        <LlmUsageCard />
      </div>
      <ActivityFeed />
    </>
  );
}
