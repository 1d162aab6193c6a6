import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AppNotification } from '@contract';
import { formatDateTime } from '../../ui/format';
import { useMarkNotificationsRead, useNotifications } from './use-notifications';
import './notifications.css';

/**
 * The bell: how many notifications are unread, and the latest ones; opening one goes to its
 * page (a failed post on the calendar, a login on its brand…) and marks it read.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  function openOne(notification: AppNotification) {
    setOpen(false);
    if (!notification.readAt) markRead.mutate([notification.id]);
    void navigate(notification.route);
  }

  return (
    <div className="notification-bell" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="button button-small notification-bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden>🔔</span>
        {unread > 0 && (
          <span className="notification-count" aria-hidden>
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notification-panel" aria-label="Recent notifications">
          <header className="notification-panel-header">
            <strong>Notifications</strong>
            <button
              type="button"
              className="button button-small"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              Mark all read
            </button>
          </header>
          {list.isSuccess && items.length === 0 && (
            <p className="empty-state">
              Nothing yet. Maestro tells you here when a burst ends, a post fails, a login is about to expire
              or something needs you.
            </p>
          )}
          {items.length > 0 && (
            <ol className="notification-list">
              {items.map((notification) => (
                <li
                  key={notification.id}
                  className={`notification notification-${notification.severity}${notification.readAt ? '' : ' notification-unread'}`}
                >
                  <button type="button" className="notification-open" onClick={() => openOne(notification)}>
                    <strong>{notification.title}</strong>
                    <span className="notification-body">{notification.body}</span>
                    <time dateTime={notification.createdAt} className="muted">
                      {formatDateTime(notification.createdAt)}
                      {notification.shown ? '' : ' · not shown (turned off in Settings)'}
                    </time>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
