import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** "danger" styles the confirm button red, for destructive actions. */
  tone?: 'danger' | 'normal';
}

interface ConfirmState {
  request: (ConfirmRequest & { resolve: (ok: boolean) => void }) | null;
  answer(ok: boolean): void;
}

export const useConfirmState = create<ConfirmState>()((set, get) => ({
  request: null,
  answer(ok) {
    get().request?.resolve(ok);
    set({ request: null });
  },
}));

/** `if (await confirm({...}))`: one app-wide dialog, so callers need no dialog state of their own. */
export function confirm(request: ConfirmRequest): Promise<boolean> {
  // A second request replaces the first, which counts as cancelled.
  useConfirmState.getState().request?.resolve(false);
  return new Promise((resolve) => useConfirmState.setState({ request: { ...request, resolve } }));
}
