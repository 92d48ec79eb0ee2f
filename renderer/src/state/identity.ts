/** Who the console acts as in Gem (the profile's staff token): what the UI offers follows the capabilities. */
import { create } from 'zustand';
import type { ApiError } from '../../../preload/api';
import { settle } from './call';

interface Identity {
  email: string;
  name: string;
  capabilities: string[];
}

interface IdentityState {
  identity: Identity | null;
  error: ApiError | null;
  load(): Promise<void>;
  can(capability: 'teams:read' | 'scim:manage' | 'roles:sync'): boolean;
}

export const useIdentity = create<IdentityState>((set, get) => ({
  identity: null,
  error: null,
  async load() {
    const { value, error } = await settle(window.gemConsole.app.identity({}));
    set(value ? { identity: value, error: null } : { identity: null, error });
  },
  can: (capability) => get().identity?.capabilities.includes(capability) ?? false,
}));
