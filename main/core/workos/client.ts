import { GeneratePortalLinkIntent, WorkOS } from '@workos-inc/node';
import type { EventName } from '@workos-inc/node';
import { AppError, isAppError } from '../errors';
import type { RateLimiter } from '../net/rate-limiter';
import { withRetry, type HttpMethod, type RetryPolicy } from '../net/retry';
import { classifyWorkosError, MalformedResponseError } from './error-mapping';
import {
  isKnownEventName,
  toConnection,
  toDirectory,
  toDirectoryGroup,
  toDirectoryUserWithGroups,
  toEvent,
  toOrganization,
  toRole,
} from './mappers';
import { WORKOS_KEY_BUCKET, workosDirectoryBucket } from './rate-limits';
import { toSdkConnection } from './sdk-connection';
import type {
  CreatedOrganizationRole,
  PortalIntent,
  WorkosConnection,
  WorkosDirectory,
  WorkosDirectoryGroup,
  WorkosDirectoryUserWithGroups,
  WorkosEventName,
  WorkosEventsPage,
  WorkosOrganization,
  WorkosPage,
  WorkosRole,
} from './types';

export interface WorkosClientOptions {
  apiKey: string;
  /** `https://api.workos.com` (default) or `http://127.0.0.1:<port>` for the local stand-in. No path prefix. */
  baseUrl?: string;
  /** Shared by every client of the same API key (the 100/s budget is per key). */
  limiter: RateLimiter;
  retryPolicy: RetryPolicy;
  /** E.g. Electron's net.fetch, or a test double. Defaults to the global fetch. */
  fetchFn?: typeof fetch;
  /** Per-request timeout in ms (SDK default 60 s). */
  timeoutMs?: number;
}

export interface PageInput {
  after?: string | null;
  /** 1–100. */
  limit?: number;
}

export interface WorkosClient {
  listDirectoriesPage(input: PageInput & { organizationId?: string }): Promise<WorkosPage<WorkosDirectory>>;
  getDirectory(directoryId: string): Promise<WorkosDirectory>;
  /**
   * Users of a directory, or of one of its groups (`group` set). `directory` is always required: the
   * 4 requests/s limit of /directory_users is per directory, and a group query still spends that directory's budget.
   */
  listUsersPage(
    input: PageInput & { directory: string; group?: string },
  ): Promise<WorkosPage<WorkosDirectoryUserWithGroups>>;
  listGroupsPage(
    input: PageInput & ({ directory: string; user?: undefined } | { user: string; directory?: undefined }),
  ): Promise<WorkosPage<WorkosDirectoryGroup>>;
  /** Environment and custom roles of an organization, in WorkOS priority order (priority 0 = highest). */
  listOrganizationRoles(organizationId: string): Promise<WorkosRole[]>;
  listEnvironmentRoles(): Promise<WorkosRole[]>;
  /** Idempotent: a 409 for an existing role with the same slug and name counts as done (`alreadyExisted`). */
  createOrganizationRole(
    organizationId: string,
    role: { slug: string; name: string; description?: string },
  ): Promise<CreatedOrganizationRole>;
  /** All SSO connections of an organization (follows pages). */
  listConnections(input: { organizationId: string }): Promise<WorkosConnection[]>;
  listEventsPage(input: {
    events: readonly WorkosEventName[];
    after?: string | null;
    rangeStart?: string;
    organizationId?: string;
    limit?: number;
  }): Promise<WorkosEventsPage>;
  /** A fresh Admin Portal link (valid five minutes: generate on click, never cache). */
  generatePortalLink(input: {
    organization: string;
    intent: PortalIntent;
    returnUrl?: string;
  }): Promise<string>;
  getOrganization(organizationId: string): Promise<WorkosOrganization>;
  getOrganizationByExternalId(externalId: string): Promise<WorkosOrganization>;
  listOrganizationsPage(input: PageInput & { domains?: string[] }): Promise<WorkosPage<WorkosOrganization>>;
  createOrganization(input: {
    name: string;
    externalId: string;
    idempotencyKey: string;
  }): Promise<WorkosOrganization>;
  /** HTTP requests sent so far, per endpoint (`GET /directory_users`), retries included. */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
}

const PORTAL_INTENTS: Record<PortalIntent, GeneratePortalLinkIntent> = {
  dsync: GeneratePortalLinkIntent.DSync,
  sso: GeneratePortalLinkIntent.SSO,
  audit_logs: GeneratePortalLinkIntent.AuditLogs,
  log_streams: GeneratePortalLinkIntent.LogStreams,
  domain_verification: GeneratePortalLinkIntent.DomainVerification,
};

interface CallSpec {
  /** Endpoint label for request counts: `GET /directory_users`. */
  endpoint: string;
  method: HttpMethod;
  operation: string;
  /** Rate-limit buckets; the first one is paused when WorkOS answers 429 with Retry-After. */
  buckets: readonly string[];
  idempotencyKey?: string;
  safeToRepeat?: boolean;
}

function pageOf<T>(list: { data: unknown; listMetadata?: unknown }, map: (v: unknown) => T): WorkosPage<T> {
  if (!Array.isArray(list.data)) throw new MalformedResponseError('the list has no data');
  const meta = (
    typeof list.listMetadata === 'object' && list.listMetadata !== null ? list.listMetadata : {}
  ) as {
    after?: unknown;
    before?: unknown;
  };
  return {
    data: list.data.map(map),
    after: typeof meta.after === 'string' && meta.after !== '' ? meta.after : null,
    before: typeof meta.before === 'string' && meta.before !== '' ? meta.before : null,
  };
}

function rolesOf(list: { data: unknown }): WorkosRole[] {
  if (!Array.isArray(list.data)) throw new MalformedResponseError('the role list has no data');
  return list.data.map((r, i) => toRole(r, i));
}

export function createWorkosClient(options: WorkosClientOptions): WorkosClient {
  if (options.apiKey.trim() === '') throw new AppError('unauthorized', 'No WorkOS API key is configured.');
  const connection = toSdkConnection(options.baseUrl ?? 'https://api.workos.com');
  const workos = new WorkOS(options.apiKey, {
    ...connection,
    ...(options.fetchFn === undefined ? {} : { fetchFn: options.fetchFn }),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  const { limiter, retryPolicy } = options;
  const counts = new Map<string, number>();

  /** limiter → SDK call → classification, once per attempt; retries via withRetry. */
  function call<T>(spec: CallSpec, fn: () => Promise<T>): Promise<T> {
    return withRetry(
      () =>
        limiter.schedule(spec.buckets, async () => {
          counts.set(spec.endpoint, (counts.get(spec.endpoint) ?? 0) + 1);
          try {
            return await fn();
          } catch (error) {
            const failure = classifyWorkosError(error);
            const pauseBucket = spec.buckets[0];
            if (failure.retryAfterMs !== null && pauseBucket !== undefined) {
              limiter.pauseFor(pauseBucket, failure.retryAfterMs);
            }
            throw error;
          }
        }),
      retryPolicy,
      {
        service: 'WorkOS',
        operation: spec.operation,
        method: spec.method,
        classify: classifyWorkosError,
        ...(spec.idempotencyKey === undefined ? {} : { idempotencyKey: spec.idempotencyKey }),
        ...(spec.safeToRepeat === undefined ? {} : { safeToRepeat: spec.safeToRepeat }),
      },
    );
  }

  const key = [WORKOS_KEY_BUCKET];

  const client: WorkosClient = {
    listDirectoriesPage: ({ organizationId, after, limit }) =>
      call(
        { endpoint: 'GET /directories', method: 'GET', operation: 'list directories', buckets: key },
        async () =>
          pageOf(
            await workos.directorySync.listDirectories({
              ...(organizationId === undefined ? {} : { organizationId }),
              ...(after ? { after } : {}),
              limit: limit ?? 100,
            }),
            toDirectory,
          ),
      ),

    getDirectory: (directoryId) =>
      call(
        {
          endpoint: 'GET /directories/:id',
          method: 'GET',
          operation: `get directory ${directoryId}`,
          buckets: key,
        },
        async () => toDirectory(await workos.directorySync.getDirectory(directoryId)),
      ),

    listUsersPage: ({ directory, group, after, limit }) =>
      call(
        {
          endpoint: 'GET /directory_users',
          method: 'GET',
          operation:
            group === undefined ? `list users of directory ${directory}` : `list users of group ${group}`,
          buckets: [workosDirectoryBucket(directory), WORKOS_KEY_BUCKET],
        },
        async () =>
          pageOf(
            await workos.directorySync.listUsers({
              ...(group === undefined ? { directory } : { group }),
              ...(after ? { after } : {}),
              limit: limit ?? 100,
            }),
            toDirectoryUserWithGroups,
          ),
      ),

    listGroupsPage: ({ directory, user, after, limit }) =>
      call(
        {
          endpoint: 'GET /directory_groups',
          method: 'GET',
          operation:
            user === undefined ? `list groups of directory ${directory}` : `list groups of user ${user}`,
          buckets: key,
        },
        async () =>
          pageOf(
            await workos.directorySync.listGroups({
              ...(user === undefined ? { directory } : { user }),
              ...(after ? { after } : {}),
              limit: limit ?? 100,
            }),
            toDirectoryGroup,
          ),
      ),

    listOrganizationRoles: (organizationId) =>
      call(
        {
          endpoint: 'GET /authorization/organizations/:id/roles',
          method: 'GET',
          operation: `list roles of organization ${organizationId}`,
          buckets: key,
        },
        async () => rolesOf(await workos.authorization.listOrganizationRoles(organizationId)),
      ),

    listEnvironmentRoles: () =>
      call(
        {
          endpoint: 'GET /authorization/roles',
          method: 'GET',
          operation: 'list environment roles',
          buckets: key,
        },
        async () => rolesOf(await workos.authorization.listEnvironmentRoles()),
      ),

    createOrganizationRole: async (organizationId, role) => {
      const operation = `create role ${role.slug} in organization ${organizationId}`;
      try {
        const created = await call(
          {
            endpoint: 'POST /authorization/organizations/:id/roles',
            method: 'POST',
            operation,
            buckets: key,
            // A repeat after a lost answer meets the 409 below and is recognised as done.
            safeToRepeat: true,
          },
          async () =>
            toRole(
              await workos.authorization.createOrganizationRole(organizationId, {
                slug: role.slug,
                name: role.name,
                ...(role.description === undefined ? {} : { description: role.description }),
              }),
              0,
            ),
        );
        return { ...withoutPriority(created), alreadyExisted: false };
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        const existing = await findOrganizationRole(organizationId, role.slug);
        if (existing === null) throw error;
        if (existing.name !== role.name) {
          throw new AppError(
            'conflict',
            `WorkOS ${operation} failed: a role with slug ${role.slug} already exists under another name ` +
              `("${existing.name}", not "${role.name}").`,
            { retryable: false, cause: error },
          );
        }
        return { ...withoutPriority(existing), alreadyExisted: true };
      }
    },

    listConnections: async ({ organizationId }) => {
      const all: WorkosConnection[] = [];
      let after: string | null = null;
      do {
        const cursor: string | null = after;
        const page: WorkosPage<WorkosConnection> = await call(
          {
            endpoint: 'GET /connections',
            method: 'GET',
            operation: `list SSO connections of organization ${organizationId}`,
            buckets: key,
          },
          async () =>
            pageOf(
              await workos.sso.listConnections({
                organizationId,
                limit: 100,
                ...(cursor ? { after: cursor } : {}),
              }),
              toConnection,
            ),
        );
        all.push(...page.data);
        after = page.data.length === 0 ? null : page.after;
      } while (after !== null);
      return all;
    },

    listEventsPage: ({ events, after, rangeStart, organizationId, limit }) => {
      if (events.length === 0) {
        // SDK 8.13 yields `undefined` data for types it does not know; an explicit filter keeps that out.
        return Promise.reject(
          new AppError('invalid_input', 'WorkOS list events needs an explicit events filter.'),
        );
      }
      return call(
        { endpoint: 'GET /events', method: 'GET', operation: 'list events', buckets: key },
        async () => {
          const list = await workos.events.listEvents({
            events: [...events] as EventName[],
            ...(after ? { after } : {}),
            ...(rangeStart === undefined ? {} : { rangeStart }),
            ...(organizationId === undefined ? {} : { organizationId }),
            limit: limit ?? 100,
          });
          return eventsPageOf(list);
        },
      );
    },

    generatePortalLink: ({ organization, intent, returnUrl }) =>
      call(
        {
          endpoint: 'POST /portal/generate_link',
          method: 'POST',
          operation: `generate the Admin Portal link for organization ${organization}`,
          buckets: key,
          // Each call mints a new short-lived link; a duplicate changes nothing on the WorkOS side.
          safeToRepeat: true,
        },
        async () => {
          const result = await workos.portal.generateLink({
            organization,
            intent: PORTAL_INTENTS[intent],
            ...(returnUrl === undefined ? {} : { returnUrl }),
          });
          const link = (result as { link?: unknown } | null)?.link;
          if (typeof link !== 'string' || link === '')
            throw new MalformedResponseError('the portal answer has no link');
          return link;
        },
      ),

    getOrganization: (organizationId) =>
      call(
        {
          endpoint: 'GET /organizations/:id',
          method: 'GET',
          operation: `get organization ${organizationId}`,
          buckets: key,
        },
        async () => toOrganization(await workos.organizations.getOrganization(organizationId)),
      ),

    listOrganizationsPage: ({ after, limit, domains }) =>
      call(
        { endpoint: 'GET /organizations', method: 'GET', operation: 'list organizations', buckets: key },
        async () =>
          pageOf(
            await workos.organizations.listOrganizations({
              ...(domains === undefined ? {} : { domains }),
              ...(after ? { after } : {}),
              limit: limit ?? 100,
            }),
            toOrganization,
          ),
      ),

    getOrganizationByExternalId: (externalId) =>
      call(
        {
          endpoint: 'GET /organizations/external_id/:external_id',
          method: 'GET',
          operation: `get organization with external id ${externalId}`,
          buckets: key,
        },
        // The SDK does not encode the id: the console only uses Gem team ids, which are URL-safe.
        async () => toOrganization(await workos.organizations.getOrganizationByExternalId(externalId)),
      ),

    createOrganization: ({ name, externalId, idempotencyKey }) =>
      call(
        {
          endpoint: 'POST /organizations',
          method: 'POST',
          operation: `create organization "${name}"`,
          buckets: key,
          idempotencyKey,
        },
        async () =>
          toOrganization(
            await workos.organizations.createOrganization({ name, externalId }, { idempotencyKey }),
          ),
      ),

    requestCounts: () => Object.fromEntries(counts),
    resetRequestCounts: () => counts.clear(),
  };

  async function findOrganizationRole(organizationId: string, slug: string): Promise<WorkosRole | null> {
    const roles = await client.listOrganizationRoles(organizationId);
    return roles.find((r) => r.slug === slug) ?? null;
  }

  return client;
}

function withoutPriority(role: WorkosRole): Omit<WorkosRole, 'priority'> {
  const { priority: _priority, ...rest } = role;
  return rest;
}

function eventsPageOf(list: { data: unknown; listMetadata?: unknown }): WorkosEventsPage {
  if (!Array.isArray(list.data)) throw new MalformedResponseError('the event list has no data');
  const page: WorkosEventsPage = { events: [], skipped: [], after: null };
  list.data.forEach((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null) {
      page.skipped.push({ index, id: null, event: null, reason: 'event type unknown to the WorkOS SDK' });
      return;
    }
    const e = raw as Record<string, unknown>;
    const id = typeof e['id'] === 'string' ? e['id'] : null;
    const name = typeof e['event'] === 'string' ? e['event'] : null;
    const createdAt = typeof e['createdAt'] === 'string' ? e['createdAt'] : '';
    if (id === null || name === null) {
      page.skipped.push({ index, id, event: name, reason: 'event without id or type' });
    } else if (!isKnownEventName(name)) {
      page.skipped.push({ index, id, event: name, reason: 'event type not handled by the console' });
    } else if (e['data'] === undefined || e['data'] === null) {
      page.skipped.push({ index, id, event: name, reason: 'event carried no readable data' });
    } else {
      try {
        page.events.push(toEvent(id, name, createdAt, e['data']));
      } catch (error) {
        if (!(error instanceof MalformedResponseError)) throw error;
        // One unreadable event must not wedge the cursor: record it and move on.
        page.skipped.push({ index, id, event: name, reason: error.message });
      }
    }
  });
  const meta = list.listMetadata as { after?: unknown } | undefined;
  page.after = typeof meta?.after === 'string' && meta.after !== '' ? meta.after : null;
  return page;
}
