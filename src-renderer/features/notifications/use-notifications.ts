import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApi, useContractEvent, useTransportKind } from '../../app/api-context';
import { desktopBridge } from '../../app/desktop-bridge';
import { queryKeys } from '../../app/query-keys';
import { useToasts } from '../../ui/toast-store';
import { toastMessageOf } from './notification-presentation';

/** The bell's list: the latest notifications and how many are unread. */
const LIST_SIZE = 30;

export function useNotifications() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.notifications.all,
    queryFn: () => api['notifications.list']({ limit: LIST_SIZE }),
  });
}

/** Marks these notifications read, or every unread one without ids. */
export function useMarkNotificationsRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api['notifications.markRead'](ids ? { ids } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}

/**
 * Every delivered notification refreshes the bell. In a browser tab (headless mode) one whose
 * kind is on is also shown as a toast with a way to its page; errors stay until dismissed. On
 * the desktop the main process shows it natively instead.
 */
export function useNotificationToasts(): void {
  const queryClient = useQueryClient();
  const transport = useTransportKind();
  const navigate = useNavigate();
  const markRead = useMarkNotificationsRead();
  useContractEvent('notification', (notification) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all });
    if (transport !== 'http' || !notification.shown) return;
    useToasts.getState().show({
      message: toastMessageOf(notification),
      tone: notification.severity === 'error' ? 'error' : 'info',
      action: {
        label: 'Open',
        run: () => {
          markRead.mutate([notification.id]);
          void navigate(notification.route);
        },
      },
    });
  });
}

/**
 * Desktop only: a clicked native notification opens its page, whether the window was showing
 * (told at once) or had to be opened (the page is asked for once it runs).
 */
export function useDesktopNavigation(): void {
  const navigate = useNavigate();
  const go = useEffectEvent((route: string) => void navigate(route));
  useEffect(() => {
    const navigation = desktopBridge()?.navigation;
    if (!navigation) return;
    // Taken once by the main process, so a remount (StrictMode) cannot lose or repeat it.
    void navigation.pendingRoute().then((route) => route && go(route));
    return navigation.onNavigate((route) => go(route));
  }, []);
}
