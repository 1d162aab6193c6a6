import { Outlet } from 'react-router';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Toasts } from '../ui/toasts';
import { ConnectionBanner } from './connection-banner';
import { useLiveUpdates } from './live-updates';
import { Sidebar } from './sidebar';
import { UpdateBanner } from './update-banner';

export function Layout() {
  useLiveUpdates();
  return (
    <div className="layout">
      <Sidebar />
      <main className="main">
        <ConnectionBanner />
        <UpdateBanner />
        <Outlet />
      </main>
      <Toasts />
      <ConfirmDialog />
    </div>
  );
}
