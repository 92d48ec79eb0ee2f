/** Starts sandboxes for the tests and reads everything both stand-ins answer through their public APIs. */
import { WorkOS } from '@workos-inc/node';
import { readFileSync } from 'node:fs';
import { iterateMembers, iterateRoleSyncRequests, iterateTeams } from '../../../main/core/gem/client';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import type { GemAdminClient } from '../../../main/core/gem/client';
import type { Scenario } from '../../../main/sandbox/scenario/schema';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../../../main/sandbox/sandbox';

export const minimalScenario = (): Scenario =>
  JSON.parse(readFileSync('test/fixtures/scenarios/minimal.json', 'utf8')) as Scenario;

/** A sandbox without rate limits (the tests read everything quickly). */
export function startTestSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  return startSandbox({ rateLimits: { enabled: false }, gemRateLimitPerSecond: null, ...options });
}

export function workosSdk(url: string, apiKey: string): WorkOS {
  const { port } = new URL(url);
  return new WorkOS(apiKey, { apiHostname: '127.0.0.1', https: false, port: Number(port) });
}

export function gemClient(url: string, token: string): GemAdminClient {
  return createGemHttpClient({ baseUrl: url, token });
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Every answer of both public APIs that a scenario determines, keyed by what was asked. */
export async function publicAnswers(
  running: Pick<RunningSandbox, 'workos' | 'gem'>,
): Promise<Record<string, unknown>> {
  const workos = workosSdk(running.workos.url, running.workos.apiKey);
  const gem = gemClient(running.gem.url, running.gem.tokens.console);
  const answers: Record<string, unknown> = {};
  const organizations = await (await workos.organizations.listOrganizations()).autoPagination();
  answers.organizations = organizations;
  for (const organization of organizations) {
    answers[`roles ${organization.id}`] = await workos.authorization.listOrganizationRoles(organization.id);
    answers[`connections ${organization.id}`] = (
      await workos.sso.listConnections({ organizationId: organization.id, limit: 100 })
    ).data;
  }
  const directories = await (await workos.directorySync.listDirectories()).autoPagination();
  answers.directories = directories;
  for (const directory of directories) {
    answers[`groups ${directory.id}`] = await (
      await workos.directorySync.listGroups({ directory: directory.id })
    ).autoPagination();
    answers[`users ${directory.id}`] = await (
      await workos.directorySync.listUsers({ directory: directory.id })
    ).autoPagination();
  }
  const teams = await all(iterateTeams(gem));
  answers.teams = teams;
  for (const team of teams) {
    answers[`team ${team.id}`] = await gem.getTeam(team.id);
    answers[`gem roles ${team.id}`] = await gem.listRoles(team.id);
    answers[`members ${team.id}`] = await all(iterateMembers(gem, team.id));
  }
  answers.roleSyncRequests = await all(iterateRoleSyncRequests(gem));
  return answers;
}
