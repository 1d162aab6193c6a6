import { create } from 'zustand';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  action?: ToastAction;
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

/** Long enough to read and reach an Undo button; errors stay until dismissed. */
const VISIBLE_MS = { plain: 5_000, withAction: 10_000 } as const;

let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts, { ...toast, id }] });
    if (toast.tone !== 'error') {
      setTimeout(() => get().dismiss(id), toast.action ? VISIBLE_MS.withAction : VISIBLE_MS.plain);
    }
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** For event handlers outside React render: `toast.success('Saved')`. */
export const toast = {
  info: (message: string, action?: ToastAction) =>
    useToasts.getState().show({ message, tone: 'info', action }),
  success: (message: string, action?: ToastAction) =>
    useToasts.getState().show({ message, tone: 'success', action }),
  error: (message: string) => useToasts.getState().show({ message, tone: 'error' }),
};
