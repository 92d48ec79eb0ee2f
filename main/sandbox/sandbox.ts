/**
 * The whole sandbox in-process: both stand-ins on 127.0.0.1, loaded from one scenario and linked (WorkOS directory
 * changes reach Gem), with the credentials a console profile needs. `gem-scim sandbox` and the app's sandbox profile
 * both start it; `exportScenario` snapshots it back into a scenario (`--state-file`).
 */
import { SANDBOX_CREDENTIALS } from './generator/common';
import { startGemStandIn, type RunningGemStandIn } from './gem/server';
import type { GemStaff } from './gem/state-types';
import { snapshotScenario } from './scenario/export-scenario';
import { loadScenario, type LoadedScenario } from './scenario/load-scenario';
import type { Scenario } from './scenario/schema';
import { startWorkosStandIn, type WorkosStandIn } from './workos/server';

export interface StartSandboxOptions {
  /** A scenario (validated here: a bad one throws ScenarioValidationError). */
  scenario: unknown;
  /** 0 or absent: a random free port. */
  workosPort?: number;
  gemPort?: number;
  /** WorkOS rate limits (4/s per directory on /directory_users, 100/s per key); on unless `{enabled: false}`. */
  rateLimits?: { enabled: boolean };
  /** Gem requests per second per token; null or 0 switches it off (default 20). */
  gemRateLimitPerSecond?: number | null;
  /** Lag of the Gem ← WorkOS link in ms (default 0: Gem follows at once). */
  lagMs?: number;
  /** The WorkOS API key the stand-in accepts (default SANDBOX_CREDENTIALS.workosApiKey). */
  workosApiKey?: string;
  /** Clock after the load, epoch ms (tests). */
  now?: () => number;
}

export interface SandboxGemTokens {
  /** A staff member with every capability (the app's sandbox profile). */
  console: string;
  /** teams:read + scim:manage. */
  csm: string;
  /** teams:read + roles:sync. */
  engineer: string;
}

export interface RunningSandbox {
  workos: { url: string; apiKey: string };
  gem: { url: string; tokens: SandboxGemTokens };
  workosServer: WorkosStandIn;
  gemServer: RunningGemStandIn;
  loaded: LoadedScenario;
  close(): Promise<void>;
}

function hasExactly(staff: GemStaff, capabilities: string[]): boolean {
  return (
    staff.capabilities.length === capabilities.length &&
    capabilities.every((c) => staff.capabilities.includes(c as never))
  );
}

/**
 * The tokens to hand out, chosen by capability: console = a staff member with all three (else the first), csm =
 * teams:read + scim:manage, engineer = teams:read + roles:sync; a missing one falls back to the console token.
 */
export function pickSandboxTokens(staff: readonly GemStaff[]): SandboxGemTokens {
  const active = staff.filter((member) => !member.revoked);
  const console =
    active.find((member) => hasExactly(member, ['teams:read', 'scim:manage', 'roles:sync'])) ?? active[0];
  if (!console) throw new Error('Sandbox scenario: gem.staff has no active staff member, so no token to use');
  const csm = active.find((member) => hasExactly(member, ['teams:read', 'scim:manage'])) ?? console;
  const engineer = active.find((member) => hasExactly(member, ['teams:read', 'roles:sync'])) ?? console;
  return { console: console.token, csm: csm.token, engineer: engineer.token };
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const loaded = loadScenario(options.scenario, { now: options.now, lagMs: options.lagMs });
  const tokens = pickSandboxTokens(loaded.gem.listStaff());
  const apiKey = options.workosApiKey ?? SANDBOX_CREDENTIALS.workosApiKey;
  const workosServer = await startWorkosStandIn({
    state: loaded.workos,
    apiKeys: [apiKey],
    port: options.workosPort ?? 0,
    rateLimits: options.rateLimits,
  });
  let gemServer: RunningGemStandIn;
  try {
    gemServer = await startGemStandIn({
      state: loaded.gem,
      port: options.gemPort ?? 0,
      rateLimitPerSecond: options.gemRateLimitPerSecond,
    });
  } catch (error) {
    loaded.link.close();
    await workosServer.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    workos: { url: workosServer.url, apiKey },
    gem: { url: gemServer.url, tokens },
    workosServer,
    gemServer,
    loaded,
    close: () => {
      closing ??= (async () => {
        loaded.link.close();
        await Promise.all([workosServer.close(), gemServer.close()]);
      })();
      return closing;
    },
  };
}

/** The running sandbox's current state as a scenario (name, description and base time kept from the loaded one). */
export function exportScenario(running: Pick<RunningSandbox, 'loaded'>): Scenario {
  const { scenario, workos, gem } = running.loaded;
  return snapshotScenario(workos, gem, {
    name: scenario.name,
    description: scenario.description,
    createdAt: scenario.workos.createdAt,
  });
}
