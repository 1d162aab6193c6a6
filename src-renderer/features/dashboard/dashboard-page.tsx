import { PageHeader } from '../../ui/page-header';
import { ActivityFeed } from './activity-feed';
import { HealthSummary } from './health-summary';
import { MaestroStatusCard } from './maestro-status-card';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="What Maestro is doing right now." />
      <div className="dashboard-grid">
        <MaestroStatusCard />
        <HealthSummary />
      </div>
      <ActivityFeed />
    </>
  );
}
