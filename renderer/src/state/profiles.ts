/** Profiles and their credentials, as the Settings view shows them. */
import { create } from 'zustand';
import type { ApiError, CredentialsStatus, ProfileSummary } from '../../../preload/api';
import { settle } from './call';

type ProfileKind = ProfileSummary['kind'];
export interface ProfileDraft {
  name: string;
  kind: ProfileKind;
  workosBaseUrl: string;
  gemBaseUrl: string;
}

interface ProfilesState {
  activeProfileId: string | null;
  profiles: ProfileSummary[];
  credentials: Record<string, CredentialsStatus>;
  error: ApiError | null;
  busy: boolean;
  load(): Promise<void>;
  loadCredentials(profileId: string): Promise<void>;
  create(draft: ProfileDraft): Promise<ApiError | null>;
  update(id: string, draft: Partial<ProfileDraft>): Promise<ApiError | null>;
  activate(id: string): Promise<ApiError | null>;
  remove(id: string, confirmName: string): Promise<ApiError | null>;
  setSecret(profileId: string, which: 'workos' | 'gem', secret: string): Promise<ApiError | null>;
  clearSecret(profileId: string, which: 'workos' | 'gem'): Promise<ApiError | null>;
}

export const useProfiles = create<ProfilesState>((set, get) => {
  /** Runs an action, then reloads the list; returns the action's error for the form that asked. */
  async function act<T>(
    pending: Promise<{ value: T; error: null } | { value: null; error: ApiError }>,
  ): Promise<ApiError | null> {
    set({ busy: true });
    const outcome = await pending;
    set({ busy: false });
    await get().load();
    return outcome.error;
  }
  return {
    activeProfileId: null,
    profiles: [],
    credentials: {},
    error: null,
    busy: false,
    async load() {
      const { value, error } = await settle(window.gemConsole.profiles.list({}));
      if (value) set({ activeProfileId: value.activeProfileId, profiles: value.profiles, error: null });
      else set({ error });
    },
    async loadCredentials(profileId) {
      const { value, error } = await settle(window.gemConsole.credentials.status({ profileId }));
      if (value) set((s) => ({ credentials: { ...s.credentials, [profileId]: value } }));
      else set({ error });
    },
    create: (draft) => act(settle(window.gemConsole.profiles.create(draft))),
    update: (id, patch) => act(settle(window.gemConsole.profiles.update({ id, patch }))),
    activate: (id) => act(settle(window.gemConsole.profiles.activate({ id }))),
    remove: (id, confirmName) => act(settle(window.gemConsole.profiles.remove({ id, confirmName }))),
    async setSecret(profileId, which, secret) {
      set({ busy: true });
      const { error } = await settle(window.gemConsole.credentials.set({ profileId, which, secret }));
      set({ busy: false });
      await get().loadCredentials(profileId);
      return error;
    },
    async clearSecret(profileId, which) {
      set({ busy: true });
      const { error } = await settle(window.gemConsole.credentials.clear({ profileId, which }));
      set({ busy: false });
      await get().loadCredentials(profileId);
      return error;
    },
  };
});
