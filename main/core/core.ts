/**
 * The application core: what the worker thread runs. It owns the profiles, the secrets, the store and the API
 * clients, and answers calls through the dispatcher. It has no idea which host (Electron, web, CLI) talks to it.
 */
import type { EventName } from '../../preload/api';
import { createDispatcher } from './dispatcher';
import { AppError } from './errors';
import type { Dispatch } from './dispatcher';
import { buildEmitters } from './emitters';
import type { Emitters } from './emitters';
import { createHandlers } from './handlers';
import { ProfileRegistry } from './profiles';
import type { CoreWorkerData } from './protocol';
import { CredentialService, GemTokenVerifier, KeytarSecretStore, WorkosKeyVerifier } from './secrets';
import type { SecretStore, SecretStoreStatus } from './secrets';
import { openProfileSession } from './session/profile-session';
import type { SandboxLauncher } from './session/sandbox-runtime';
import type { ProfileSession } from './session/profile-session';

export type Emit = (name: EventName, payload: unknown) => void;

export interface CoreContext {
  config: CoreWorkerData;
  startedAt: Date;
  events: Emitters;
  log: (message: string) => void;
  profiles: ProfileRegistry;
  credentials: CredentialService;
  /** Whether the keychain works, probed at most every half minute (a probe writes and deletes an entry). */
  keychainStatus(): Promise<SecretStoreStatus>;
  /** The active profile's session (its cache and what it needs to sync). */
  session(): ProfileSession;
  /** Opens the given profile's session (its store, clients, sandbox) after closing the current one. */
  switchProfile(profileId: string): Promise<void>;
  /** Closes the active profile's session (before its files are deleted). */
  closeSession(): Promise<void>;
}

export interface Core {
  dispatch: Dispatch;
  context: CoreContext;
  close(): Promise<void>;
}

export interface CoreDependencies {
  /** The keychain; tests of code above it may pass a test double. */
  secrets?: SecretStore;
  /** Starts the in-process sandbox for the sandbox profile (injected by the worker entry). */
  launchSandbox?: SandboxLauncher;
}

export async function createCore(
  config: CoreWorkerData,
  emit: Emit,
  log: (message: string) => void,
  dependencies: CoreDependencies = {},
): Promise<Core> {
  const secrets = dependencies.secrets ?? new KeytarSecretStore();
  const profiles = ProfileRegistry.open({ dataDir: config.dataDir, secrets });
  const credentials = new CredentialService({
    store: secrets,
    verifiers: [new WorkosKeyVerifier(), new GemTokenVerifier()],
  });
  let current: ProfileSession | null = null;
  let keychain: { at: number; status: Promise<SecretStoreStatus> } | null = null;
  const launchSandbox: SandboxLauncher =
    dependencies.launchSandbox ??
    (() => Promise.reject(new AppError('internal', 'This host runs without the sandbox stand-ins.')));
  const open = (profileId: string): ProfileSession =>
    openProfileSession(profiles.get(profileId), profiles.dbPathFor(profileId), {
      dataDir: config.dataDir,
      credentials,
      launchSandbox,
      events: context.events,
      backgroundSyncMs: config.backgroundSyncMs,
      log,
    });
  const context: CoreContext = {
    config,
    startedAt: new Date(),
    events: buildEmitters(emit),
    log,
    profiles,
    credentials,
    keychainStatus() {
      if (!keychain || Date.now() - keychain.at > 30_000)
        keychain = { at: Date.now(), status: credentials.keychainStatus() };
      return keychain.status;
    },
    session() {
      current ??= open(config.profileId ?? profiles.activeProfileId);
      return current;
    },
    async switchProfile(profileId) {
      await current?.close();
      current = open(profileId);
    },
    async closeSession() {
      await current?.close();
      current = null;
    },
  };
  // Open the profile's cache now, so its notices are ready for the first status call; a problem (an unknown
  // --profile, say) is reported by the calls that need the session instead of stopping the core.
  try {
    context.session();
  } catch (error) {
    log(
      `the profile's session did not open at start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const dispatch = createDispatcher(createHandlers(context), { log });
  const heartbeat =
    config.heartbeatMs > 0
      ? setInterval(() => {
          context.events.app.heartbeat({
            at: new Date().toISOString(),
            uptimeMs: Date.now() - context.startedAt.getTime(),
          });
        }, config.heartbeatMs)
      : undefined;
  heartbeat?.unref();
  return {
    dispatch,
    context,
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      await context.closeSession();
    },
  };
}
