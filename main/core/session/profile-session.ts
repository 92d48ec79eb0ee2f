/**
 * Everything that belongs to the active profile: its cache (one SQLite file), the endpoints and clients it syncs
 * with (the in-process sandbox for the sandbox profile, the keychain's secrets otherwise), and the notices about
 * how its cache was opened. Switching profiles closes one session and opens the next.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../errors';
import type { Profile } from '../profiles';
import { SANDBOX_PROFILE_ID } from '../profiles';
import type { CredentialService } from '../secrets';
import { openStore } from '../store';
import type { Store } from '../store';
import { createApiClients } from './api-clients';
import type { ApiClients } from './api-clients';
import type { SandboxLauncher, SandboxRuntime, ServiceEndpoints } from './sandbox-runtime';
import { createSessionSync } from './session-sync';
import type { SessionSync } from './session-sync';
import { storeNotices } from './store-notices';
import type { Emitters } from '../emitters';
import type { GemStaff } from '../gem/schemas';
import { queueRoleSyncNotifications } from '../workflow/role-sync-notifications';

export interface ProfileSession {
  readonly profile: Profile;
  /** Null when the cache could not be opened (e.g. it was written by a newer console); see `problem`. */
  readonly store: Store | null;
  readonly notices: string[];
  readonly problem: string | null;
  /** The store, or a clear error when there is none. */
  requireStore(): Store;
  /** The paced, retrying API clients (started on first use; the sandbox starts with them). */
  clients(): Promise<ApiClients>;
  /** The sync engine and scheduler (built on first use). */
  sync(): Promise<SessionSync>;
  /** The Gem staff member this profile's token belongs to (`GET /me`, asked once per session). */
  identity(): Promise<GemStaff>;
  close(): Promise<void>;
}

/** The last Gem identity seen for this profile, for offline work. */
export const IDENTITY_KEY = 'identity:email';

export interface SessionDependencies {
  dataDir: string;
  credentials: CredentialService;
  launchSandbox: SandboxLauncher;
  events: Emitters;
  backgroundSyncMs: number;
  log: (message: string) => void;
}

export function openProfileSession(
  profile: Profile,
  dbPath: string,
  deps: SessionDependencies,
): ProfileSession {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  let store: Store | null = null;
  let problem: string | null = null;
  try {
    store = openStore(dbPath);
  } catch (error) {
    // A newer database is refused and left untouched; the console stays usable without a cache.
    problem = isAppError(error) ? error.message : `The local cache could not be opened: ${String(error)}`;
  }
  const notices = store ? storeNotices(store.report) : [];
  let sandbox: Promise<SandboxRuntime> | null = null;
  let clients: Promise<ApiClients> | null = null;
  let sync: SessionSync | null = null;
  let identity: Promise<GemStaff> | null = null;

  async function endpoints(): Promise<ServiceEndpoints> {
    if (profile.id === SANDBOX_PROFILE_ID) {
      sandbox ??= deps.launchSandbox(deps.dataDir);
      return sandbox;
    }
    const [apiKey, token] = await Promise.all([
      deps.credentials.getSecretForCore(profile.id, 'workos'),
      deps.credentials.getSecretForCore(profile.id, 'gem'),
    ]);
    return {
      workos: { baseUrl: profile.workosBaseUrl, apiKey },
      gem: { baseUrl: profile.gemBaseUrl, token },
    };
  }

  return {
    profile,
    store,
    notices,
    problem,
    requireStore() {
      if (!store) throw new AppError('conflict', problem ?? 'The local cache is not open.');
      return store;
    },
    clients() {
      clients ??= endpoints().then(createApiClients);
      // A failure (no secret saved yet, keychain locked) is not cached: the next call tries again.
      clients.catch(() => {
        clients = null;
      });
      return clients;
    },
    identity() {
      identity ??= this.clients()
        .then((c) => c.gem.me())
        .then((me) => {
          // Remembered for offline work (reviews are signed with it when Gem cannot be asked).
          store?.syncState.set(IDENTITY_KEY, me.email);
          return me;
        });
      identity.catch(() => {
        identity = null;
      });
      return identity;
    },
    async sync() {
      if (sync) return sync;
      const cache = this.requireStore();
      const apiClients = await this.clients();
      const me = () => this.identity();
      sync ??= createSessionSync({
        store: cache,
        clients: apiClients,
        events: deps.events,
        backgroundSyncMs: deps.backgroundSyncMs,
        log: deps.log,
        // After every run: tell engineers about new requests and CSMs about theirs becoming ready or mapped.
        afterRun: async () => {
          for (const notification of queueRoleSyncNotifications(cache, await me())) {
            deps.events.notifications.new(notification);
          }
        },
      });
      return sync;
    },
    async close() {
      sync?.scheduler.stop();
      sync = null;
      store?.close();
      store = null;
      const running = sandbox;
      sandbox = null;
      clients = null;
      identity = null;
      if (running) await (await running).close();
    },
  };
}
