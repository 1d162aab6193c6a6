import { Outlet } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell';
import { useDesktopNavigation, useNotificationToasts } from '../features/notifications/use-notifications';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Toasts } from '../ui/toasts';
import { ConnectionBanner } from './connection-banner';
import { useLiveUpdates } from './live-updates';
import { Sidebar } from './sidebar';
import { UpdateBanner } from './update-banner';

export function Layout() {
  useLiveUpdates();
  useNotificationToasts();
  useDesktopNavigation();
  return (
    <div className="layout">
      <Sidebar />
      <main className="main">
        <div className="main-bar">
          <NotificationBell />
        </div>
        <ConnectionBanner />
        <UpdateBanner />
        <Outlet />
      </main>
      <Toasts />
      <ConfirmDialog />
    </div>
  );
}
