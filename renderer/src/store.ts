/**
 * The renderer's state (zustand). Everything it shows comes from the core through `window.gemConsole`; the store
 * keeps the last answer of each call and the push events the UI reacts to.
 */
import { create } from 'zustand';
import type { ApiError, AppStatus } from '../../preload/api';

export type ViewId = 'teams' | 'members' | 'mappings' | 'custom-roles' | 'activity' | 'settings';

interface ConsoleState {
  view: ViewId;
  status: AppStatus | null;
  statusError: ApiError | null;
  lastHeartbeatAt: string | null;
  setView(view: ViewId): void;
  loadStatus(): Promise<void>;
  startListening(): () => void;
}

export const useConsole = create<ConsoleState>((set) => ({
  view: 'teams',
  status: null,
  statusError: null,
  lastHeartbeatAt: null,
  setView: (view) => set({ view }),
  async loadStatus() {
    const result = await window.gemConsole.app.status({});
    if (result.ok) set({ status: result.value, statusError: null });
    else set({ statusError: result.error });
  },
  startListening() {
    return window.gemConsole.on.app.heartbeat((payload) => set({ lastHeartbeatAt: payload.at }));
  },
}));
