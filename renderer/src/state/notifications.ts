/** What the console told the user (new custom roles to sync, roles ready to map, …), newest first. */
import { create } from 'zustand';
import type { NotificationRow } from '../../../preload/api';
import { settle } from './call';

interface NotificationsState {
  rows: NotificationRow[];
  open: boolean;
  load(): Promise<void>;
  toggle(): void;
  markRead(id: number): Promise<void>;
  listen(): () => void;
}

export const useNotifications = create<NotificationsState>((set, get) => ({
  rows: [],
  open: false,
  async load() {
    const { value } = await settle(window.gemConsole.notifications.list({ offset: 0, limit: 50 }));
    if (value) set({ rows: value.rows });
  },
  toggle: () => set((s) => ({ open: !s.open })),
  async markRead(id) {
    await settle(window.gemConsole.notifications.markRead({ id }));
    await get().load();
  },
  listen() {
    return window.gemConsole.on.notifications.new((row) =>
      set((s) => ({ rows: [row, ...s.rows.filter((r) => r.id !== row.id)] })),
    );
  },
}));
