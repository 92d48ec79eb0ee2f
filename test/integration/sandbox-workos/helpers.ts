import { WorkOS } from '@workos-inc/node';
import { loadWorkosScenario, type WorkosScenario } from '../../../main/sandbox/scenario/workos-scenario';
import {
  startWorkosStandIn,
  type WorkosStandIn,
  type WorkosStandInOptions,
} from '../../../main/sandbox/workos/server';

export const API_KEY = 'sk_test_sandbox';

/** A small WorkOS world: two organizations, an Okta SCIM directory with mapped groups, and a Google directory. */
export function smallScenario(): WorkosScenario {
  return {
    environment: {
      roles: [
        { slug: 'admin', name: 'Admin', permissions: ['admin:all'] },
        { slug: 'standard', name: 'Standard' },
        { slug: 'restricted', name: 'Restricted' },
      ],
      defaultRole: 'restricted',
    },
    deactivation: 'soft',
    organizations: [
      {
        id: 'org_acme',
        name: 'Acme',
        externalId: 'gem-team-1',
        domains: ['acme.test'],
        customRoles: [{ slug: 'org-billing', name: 'Billing', description: 'Billing admins' }],
        connections: [
          {
            id: 'conn_acme_okta',
            connectionType: 'OktaSAML',
            name: 'Acme Okta',
            state: 'active',
            domains: ['acme.test'],
          },
        ],
        directories: [
          {
            id: 'directory_acme',
            type: 'okta scim v2.0',
            name: 'Acme Okta',
            domain: 'acme.test',
            groups: [
              { id: 'directory_group_eng', name: 'Engineering' },
              { id: 'directory_group_admins', name: 'Admins' },
              { id: 'directory_group_billing', name: 'Billing' },
            ],
            groupRoles: { directory_group_admins: 'admin', directory_group_billing: 'org-billing' },
            users: [
              {
                id: 'directory_user_01',
                email: 'ada@acme.test',
                firstName: 'Ada',
                lastName: 'L',
                groupIds: ['directory_group_eng'],
              },
              {
                id: 'directory_user_02',
                email: 'bob@acme.test',
                firstName: 'Bob',
                lastName: 'B',
                groupIds: ['directory_group_admins', 'directory_group_billing'],
              },
              {
                id: 'directory_user_03',
                email: 'cy@acme.test',
                firstName: 'Cy',
                lastName: 'C',
                groupIds: ['directory_group_billing'],
              },
              {
                id: 'directory_user_04',
                email: 'di@acme.test',
                firstName: 'Di',
                lastName: 'D',
                groupIds: [],
              },
              {
                id: 'directory_user_05',
                email: 'ed@acme.test',
                firstName: 'Ed',
                lastName: 'E',
                groupIds: ['directory_group_eng', 'directory_group_admins'],
              },
            ],
          },
        ],
      },
      {
        id: 'org_beta',
        name: 'Beta',
        domains: ['beta.test'],
        directories: [
          { id: 'directory_beta', type: 'gsuite directory', name: 'Beta Google', state: 'unlinked' },
        ],
      },
    ],
  };
}

export async function startSmall(
  options: Partial<WorkosStandInOptions> = {},
): Promise<{ standIn: WorkosStandIn; workos: WorkOS }> {
  const state = options.state ?? loadWorkosScenario(smallScenario());
  const standIn = await startWorkosStandIn({
    apiKeys: [API_KEY],
    rateLimits: { enabled: false },
    ...options,
    state,
  });
  return { standIn, workos: sdkFor(standIn) };
}

export function sdkFor(standIn: WorkosStandIn, key = API_KEY): WorkOS {
  return new WorkOS(key, { apiHostname: '127.0.0.1', https: false, port: standIn.port });
}

/** A raw request with the bearer key, for checks below the SDK (headers, exact bodies). */
export async function call(
  standIn: WorkosStandIn,
  path: string,
  init: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(`${standIn.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${init.key ?? API_KEY}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
