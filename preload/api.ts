/**
 * The single contract between the renderer and the core (design §2).
 *
 * Every call has a name, an input schema and an output schema; every push event has a name and a payload schema.
 * The hosts validate inputs against it, the preload and the web adapter build `window.gemConsole` from it, and the
 * renderer imports its types only. Call and event names appear nowhere else in the repo: code addresses them
 * through the nested `window.gemConsole.<namespace>.<method>` objects built from these keys.
 */
import { z } from 'zod';
import {
  DriftReportSchema,
  GroupRowSchema,
  MemberRowSchema,
  RequestRowSchema,
  RoleExplanationSchema,
  TeamOverviewSchema,
  TeamListRowSchema,
  TeamSchema,
} from './schemas/reports';

export type {
  DriftReport,
  GroupRow,
  MemberRow,
  RequestRow,
  RoleExplanation,
  TeamListRow,
  TeamOverview,
  TeamRow,
} from './schemas/reports';

/** The one Electron IPC channel for calls, and the one for push events. */
export const IPC_CALL_CHANNEL = 'gem-console:call';
export const IPC_EVENT_CHANNEL = 'gem-console:event';

export const ERROR_CODES = [
  'offline',
  'unauthorized',
  'rate_limited',
  'not_found',
  'conflict',
  'invalid_input',
  'keychain_unavailable',
  'internal',
] as const;

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const EmptyInput = z.object({}).strict();

const ProfileKind = z.enum(['production', 'staging', 'sandbox']);

const AppStatus = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  profile: z.object({ id: z.string(), name: z.string(), kind: ProfileKind }),
  coreStartedAt: z.string(),
  nodeVersion: z.string(),
  /** Things the user should know now: a cache that was repaired or refused, a missing keychain, … */
  notices: z.array(z.string()),
  /** True when changes cannot be made (no keychain, no cache); the reason is among the notices. */
  readOnly: z.boolean(),
});
export type AppStatus = z.infer<typeof AppStatus>;

const ProfileSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: ProfileKind,
  workosBaseUrl: z.string(),
  gemBaseUrl: z.string(),
  createdAt: z.string(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

const ProfileId = z.string().min(1).max(64);
const HttpUrl = z.string().min(1).max(2048);
const ProfileFields = z.object({
  name: z.string().trim().min(1).max(80),
  kind: ProfileKind,
  workosBaseUrl: HttpUrl,
  gemBaseUrl: HttpUrl,
});

const CredentialKind = z.enum(['workos', 'gem']);
const CredentialState = z.object({
  configured: z.boolean(),
  /** "…" + the last four characters; never more of the secret. */
  hint: z.string().nullable(),
  /** `sandbox`: the built-in stand-ins' keys, nothing to set; `keychain`: the OS keychain. */
  source: z.enum(['sandbox', 'keychain']),
});
const KeychainState = z.object({ available: z.boolean(), reason: z.string().nullable() });
const CredentialsStatus = z.object({
  profileId: z.string(),
  keychain: KeychainState,
  workos: CredentialState,
  gem: CredentialState,
});
export type CredentialsStatus = z.infer<typeof CredentialsStatus>;

/** A page of a list the UI shows: never a whole table (design §5). */
const WindowInput = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};
function windowOf<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().nonnegative(),
    offset: z.number(),
    limit: z.number(),
  });
}

const SyncScope = z.enum(['team', 'requests', 'pinned', 'incremental']);
const SyncKind = z.enum(['full', 'incremental']);
const SyncCounts = z.object({
  pages: z.number(),
  items: z.number(),
  removed: z.number(),
  requests: z.number(),
});
const MassChangeAlarm = z.object({
  alarmId: z.number(),
  teamId: z.string(),
  kind: z.enum(['members', 'directory_users']),
  wouldRemove: z.number(),
  total: z.number(),
  share: z.number(),
});
const SyncSummaryBase = z.object({
  runId: z.number(),
  scope: SyncScope,
  kind: SyncKind,
  teamId: z.string().nullable(),
  outcome: z.enum(['ok', 'failed', 'cancelled', 'alarm']),
  counts: SyncCounts,
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).optional(),
  alarm: MassChangeAlarm.optional(),
  resumed: z.boolean().optional(),
  fellBackToFull: z.boolean().optional(),
});
const SyncSummary = SyncSummaryBase.extend({ teams: z.array(SyncSummaryBase).optional() });
export type SyncSummary = z.infer<typeof SyncSummary>;
const SyncProgress = z.object({
  runId: z.number(),
  scope: SyncScope,
  kind: SyncKind,
  teamId: z.string().nullable(),
  phase: z.string(),
  pages: z.number(),
  items: z.number(),
  rate: z.number(),
  total: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;
const SyncRun = z.object({
  id: z.number(),
  scope: z.string(),
  kind: SyncKind,
  teamId: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  counts: z.record(z.string(), z.unknown()),
  outcome: z.string(),
  error: z.string().nullable(),
});
export type SyncRun = z.infer<typeof SyncRun>;
const TeamId = z.string().min(1).max(200);
const ReviewSchema = z.object({
  id: z.number(),
  teamId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  roleSlug: z.string().nullable(),
  verdict: z.enum(['approve', 'flag']),
  note: z.string().nullable(),
  reviewer: z.string(),
  createdAt: z.string(),
});
export type ReviewRow = z.infer<typeof ReviewSchema>;
const RequestKey = z.object({ teamId: TeamId, roleSlug: z.string().min(1).max(100) }).strict();
const RequestStatusSchema = z.object({
  status: z.string(),
  claimedBy: z.string().nullable(),
  workosRoleSlug: z.string().nullable(),
});
const NotificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  teamId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationRow = z.infer<typeof NotificationSchema>;
const AuditEntrySchema = z.object({
  id: z.number(),
  createdAt: z.string(),
  actor: z.string(),
  action: z.string(),
  teamId: z.string().nullable(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryRow = z.infer<typeof AuditEntrySchema>;
const DefaultRoleSchema = z.object({
  role: z.string().nullable(),
  source: z.enum([
    'pinned',
    'users_without_groups',
    'workos_default',
    'gem_convention',
    'lowest_held',
    'unknown',
  ]),
});
export type DefaultRole = z.infer<typeof DefaultRoleSchema>;

interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
}

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { input: I; output: O } {
  return { input, output };
}

export const calls = {
  'app.status': call(EmptyInput, AppStatus),

  'profiles.list': call(
    EmptyInput,
    z.object({ activeProfileId: z.string(), profiles: z.array(ProfileSummary) }),
  ),
  'profiles.create': call(ProfileFields.strict(), ProfileSummary),
  'profiles.update': call(
    z.object({ id: ProfileId, patch: ProfileFields.partial().strict() }).strict(),
    ProfileSummary,
  ),
  'profiles.activate': call(z.object({ id: ProfileId }).strict(), ProfileSummary),
  /** Deletes the profile's database and keychain entries; `confirmName` must repeat the profile's name. */
  'profiles.remove': call(
    z.object({ id: ProfileId, confirmName: z.string() }).strict(),
    z.object({ removedId: z.string(), activeProfileId: z.string() }),
  ),

  'credentials.status': call(z.object({ profileId: ProfileId }).strict(), CredentialsStatus),
  /** Verifies the secret with its service first and saves it only when accepted. The secret never comes back. */
  'credentials.set': call(
    z.object({ profileId: ProfileId, which: CredentialKind, secret: z.string().min(1).max(4096) }).strict(),
    z.object({ configured: z.literal(true), hint: z.string().nullable(), verifiedAs: z.string().nullable() }),
  ),
  /** A full sync of one team, of the custom-role queue (`requests`) or of the pinned teams; resolves when done. */
  'sync.full': call(
    z
      .object({
        teamId: TeamId.optional(),
        scope: z.enum(['requests', 'pinned']).optional(),
        confirmMassChange: z.boolean().default(false),
      })
      .strict()
      .refine((input) => (input.teamId === undefined) !== (input.scope === undefined), {
        message: 'give exactly one of teamId and scope',
      }),
    SyncSummary,
  ),
  /** An incremental sync from the WorkOS events cursor (and Gem's updated_after). */
  'sync.incremental': call(EmptyInput, SyncSummary),
  'sync.cancel': call(z.object({ runId: z.number().int() }).strict(), z.object({ cancelled: z.boolean() })),
  /** Confirms a mass-change alarm: the waiting run drops what it would drop. */
  'sync.confirmAlarm': call(z.object({ alarmId: z.number().int() }).strict(), SyncSummary),
  'sync.runs': call(z.object({ ...WindowInput, teamId: TeamId.optional() }).strict(), windowOf(SyncRun)),

  /** Teams in the cache, filtered and sorted in SQL. */
  'teams.list': call(
    z
      .object({
        ...WindowInput,
        text: z.string().max(200).optional(),
        scim: z.enum(['enabled', 'disabled']).optional(),
        pinned: z.boolean().optional(),
        sort: z.enum(['name', 'updated_at', 'created_at', 'setup_completed_at']).default('name'),
      })
      .strict(),
    windowOf(TeamListRowSchema),
  ),
  /** One team: SCIM module and setup state, the Okta SSO rule, counts, and "as of" its last full sync. */
  'teams.overview': call(z.object({ teamId: TeamId }).strict(), TeamOverviewSchema),
  /** Pins a team locally (pinned teams sync in full on the `pinned` scope). */
  'teams.pin': call(
    z.object({ teamId: TeamId, pinned: z.boolean() }).strict(),
    z.object({ pinned: z.boolean() }),
  ),
  /** A team's Gem members, with who manages each (the IdP for SCIM-managed ones) and why. */
  'members.list': call(
    z
      .object({
        ...WindowInput,
        teamId: TeamId,
        query: z.string().max(200).optional(),
        role: z.string().max(100).optional(),
        status: z.enum(['active', 'deactivated']).optional(),
        sort: z.enum(['name', 'email', 'role', 'status', 'updated_at']).default('name'),
      })
      .strict(),
    windowOf(MemberRowSchema),
  ),
  /** Which IdP groups could have given a member their role (inferred, never read from WorkOS). */
  'members.explainRole': call(
    z.object({ teamId: TeamId, memberId: z.string().min(1).max(200) }).strict(),
    RoleExplanationSchema,
  ),
  /** A team's IdP groups with their inferred Gem-role mapping: candidates, status and evidence. */
  'mappings.groups': call(
    z
      .object({
        ...WindowInput,
        teamId: TeamId,
        sort: z.enum(['name', 'member_count', 'updated_at']).default('name'),
      })
      .strict(),
    windowOf(GroupRowSchema),
  ),
  /**
   * The default role the inference assumes for a team's organization. WorkOS does not expose it: it is guessed
   * (users without groups, then `member`, then Gem's Standard) unless an admin pins it here; `null` unpins.
   */
  'mappings.defaultRole': call(z.object({ teamId: TeamId }).strict(), DefaultRoleSchema),
  'mappings.setDefaultRole': call(
    z.object({ teamId: TeamId, roleSlug: z.string().min(1).max(100).nullable() }).strict(),
    DefaultRoleSchema,
  ),
  /** Approves or flags one inferred group → role mapping (local, works offline); kept as history. */
  'reviews.record': call(
    z
      .object({
        teamId: TeamId,
        groupId: z.string().min(1).max(200),
        verdict: z.enum(['approve', 'flag']),
        note: z.string().max(2000).nullable(),
      })
      .strict(),
    ReviewSchema,
  ),
  /** The current verdict of each reviewed group of a team. */
  'reviews.list': call(z.object({ teamId: TeamId }).strict(), z.object({ rows: z.array(ReviewSchema) })),
  /** The team's review as a file: every group's inferred mapping with its current verdict. */
  'reviews.export': call(
    z.object({ teamId: TeamId, format: z.enum(['csv', 'json']) }).strict(),
    z.object({ filename: z.string(), mediaType: z.string(), content: z.string() }),
  ),
  /** Gem members vs directory users of a team: each difference with both sides' values. */
  'drift.team': call(z.object({ teamId: TeamId }).strict(), DriftReportSchema),
  /** The custom-role sync queue, with each request's age against the 2-business-day target. */
  'requests.list': call(
    z
      .object({
        ...WindowInput,
        statuses: z
          .array(z.enum(['pending', 'in_progress', 'synced', 'mapped']))
          .max(4)
          .optional(),
        teamId: TeamId.optional(),
      })
      .strict(),
    windowOf(RequestRowSchema),
  ),

  /** Enables or disables the team's SCIM module in Gem (disabling is refused once setup completed). */
  'teams.setScimModule': call(z.object({ teamId: TeamId, enabled: z.boolean() }).strict(), TeamSchema),
  /**
   * Links the team to a WorkOS organization: the one given, or (none given) the organization whose external id is
   * the team id, created if it does not exist yet.
   */
  'teams.linkOrganization': call(
    z.object({ teamId: TeamId, organizationId: z.string().min(1).max(200).nullable() }).strict(),
    z.object({ team: TeamSchema, organizationId: z.string(), created: z.boolean() }),
  ),
  /** A fresh WorkOS Admin Portal link (setup of SCIM: `dsync`; of SSO: `sso`); valid for five minutes. */
  'teams.portalLink': call(
    z.object({ teamId: TeamId, intent: z.enum(['dsync', 'sso']) }).strict(),
    z.object({ link: z.string(), intent: z.enum(['dsync', 'sso']), expiresAt: z.string() }),
  ),
  /** Who the console acts as in Gem (`GET /me`): what the UI offers depends on the capabilities. */
  'app.identity': call(
    EmptyInput,
    z.object({ email: z.string(), name: z.string(), capabilities: z.array(z.string()) }),
  ),
  /** Claims a pending custom-role request in Gem for the acting engineer. */
  'requests.claim': call(RequestKey, RequestStatusSchema),
  /** Gives a claimed request back (only the claimer can). */
  'requests.release': call(RequestKey, RequestStatusSchema),
  /**
   * Completes a claimed request: creates the WorkOS organization role `org-<slug>` (idempotent), records it in Gem,
   * and warns when the new role, added at the bottom of the priority order, may be shadowed.
   */
  'requests.complete': call(
    RequestKey,
    z.object({ workosRoleSlug: z.string(), alreadyExisted: z.boolean(), warning: z.string().nullable() }),
  ),
  'notifications.list': call(z.object({ ...WindowInput }).strict(), windowOf(NotificationSchema)),
  'notifications.markRead': call(
    z.object({ id: z.number().int() }).strict(),
    z.object({ read: z.boolean() }),
  ),
  /** Who did what, when: every workflow step and every alarm decision. */
  'audit.list': call(
    z.object({ ...WindowInput, teamId: TeamId.optional() }).strict(),
    windowOf(AuditEntrySchema),
  ),

  'credentials.clear': call(
    z.object({ profileId: ProfileId, which: CredentialKind }).strict(),
    z.object({ cleared: z.boolean() }),
  ),
} satisfies Record<string, CallSpec>;

export const events = {
  /** The core is alive; sent every few seconds so the UI can show a live indicator. */
  'app.heartbeat': z.object({ at: z.string(), uptimeMs: z.number().nonnegative() }),
  /** The profile list or the active profile changed (in any window or host). */
  'profiles.changed': z.object({ activeProfileId: z.string() }),
  /** A running sync's progress (at most four a second per run). */
  'sync.progress': SyncProgress,
  /** A sync finished (on demand or scheduled). */
  'sync.finished': SyncSummary,
  /** Something the user should be told (Electron also shows it as an OS notification). */
  'notifications.new': NotificationSchema,
} satisfies Record<string, z.ZodType>;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** What a handler receives: the input after the schema parsed it (defaults applied). */
export type CallParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export type NamespaceOf<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
export type MemberOf<N extends string, NS extends string> = N extends `${NS}.${infer M}` ? M : never;

/** `"teams.list"` → `["teams", "list"]`: how the nested objects of `window.gemConsole` are keyed. */
export function splitName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

type ClientFn<N> = N extends CallName ? (input: CallInput<N>) => Promise<Result<CallOutput<N>>> : never;
type ListenFn<E> = E extends EventName ? (listener: (payload: EventPayload<E>) => void) => () => void : never;

/** `window.gemConsole`: one async function per call, grouped by namespace, plus `on.<ns>.<event>(listener)`. */
export type GemConsoleApi = {
  [NS in NamespaceOf<CallName>]: { [M in MemberOf<CallName, NS>]: ClientFn<`${NS}.${M}`> };
} & {
  on: { [NS in NamespaceOf<EventName>]: { [M in MemberOf<EventName, NS>]: ListenFn<`${NS}.${M}`> } };
};
