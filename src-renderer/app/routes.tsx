import { HashRouter, Route, Routes } from 'react-router';
import { AgentsPage } from '../features/agents/agents-page';
import { AnalyticsPage } from '../features/analytics/analytics-page';
import { BrandsPage } from '../features/brands/brands-page';
import { CalendarPage } from '../features/calendar/calendar-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { DiagnosticsPage } from '../features/diagnostics/diagnostics-page';
import { JobsPage } from '../features/jobs/jobs-page';
import { ProposalsPage } from '../features/proposals/proposals-page';
import { SettingsPage } from '../features/settings/settings-page';
import { NotFoundPage } from './not-found-page';
import { Layout } from './layout';

/** Hash routing: the Electron build loads index.html from file://, where path routes cannot reload. */
export function AppRoutes() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<DashboardPage />} />
          <Route path="proposals" element={<ProposalsPage />} />
          <Route path="agents" element={<AgentsPage mode="list" />} />
          <Route path="agents/new" element={<AgentsPage mode="create" />} />
          <Route path="agents/:agentId" element={<AgentsPage mode="detail" />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="brands" element={<BrandsPage mode="list" />} />
          <Route path="brands/new" element={<BrandsPage mode="create" />} />
          <Route path="brands/:brandId/edit" element={<BrandsPage mode="edit" />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="diagnostics" element={<DiagnosticsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
