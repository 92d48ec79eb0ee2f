/**
 * Types of the directory-group → role inference (design §7). WorkOS exposes no API that reads these mappings, so
 * the console infers them from what it can see; everything here is "inferred", never fact.
 */

export interface InferenceGroup {
  id: string;
  name: string;
}

export interface InferenceUser {
  id: string;
  /** The role WorkOS reports for the directory user (single-role mode). */
  role: string;
  groupIds: readonly string[];
}

export interface InferenceInput {
  /** Role slugs, highest priority first (the order WorkOS lists the organization's roles in). */
  priority: readonly string[];
  /** The role WorkOS gives a user none of whose groups is mapped. */
  defaultRole: string;
  groups: readonly InferenceGroup[];
  users: readonly InferenceUser[];
  /** Display names for the evidence sentences (slug → name); a slug without a name is shown as the slug. */
  roleNames?: Readonly<Record<string, string>>;
}

export type InferenceStatus = 'determined' | 'ambiguous' | 'inconsistent';

/**
 * A group's candidate mapping. `null` is the one observable candidate "default/none": the group is unmapped OR it
 * maps to the default role. The two are told apart only by members whose other groups map below the default role,
 * and a member who is in this group alone never tells them apart; merging them is what lets such a member determine
 * the group. The default role's slug therefore never appears in `candidates`; `defaultOrNone` says which of the two
 * the evidence still allows.
 */
export type Candidate = string | null;

export type DefaultOrNone = 'either' | 'mapped_to_default' | 'unmapped';

export interface GroupInference {
  groupId: string;
  status: InferenceStatus;
  /** Role slugs in priority order, then `null` (default/none) last. Empty when `inconsistent`. */
  candidates: Candidate[];
  /** Present when `candidates` contains `null`: which reading of default/none the evidence still allows. */
  defaultOrNone?: DefaultOrNone;
  /** Human sentences, strongest evidence first. */
  evidence: string[];
  memberCount: number;
}

export interface RoleExplanation {
  role: string;
  /** Groups of the user that could have given this role (by their remaining candidates). */
  possibleSources: string[];
  /** True when the role may come from the default role because every one of the user's groups may be unmapped. */
  viaDefault: boolean;
  /** False when no remaining candidate of the user's groups explains the role (stale or inconsistent data). */
  explained: boolean;
}

export interface RoleInference {
  /** One entry per input group, in input order. */
  groups: GroupInference[];
  /** How many users' roles no remaining candidates explain (0 on consistent data). */
  unexplainedMemberCount: number;
  /** Undefined for a user id that was not in the input. */
  explainRole(userId: string): RoleExplanation | undefined;
}
