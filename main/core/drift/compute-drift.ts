import { joinMembers, sameEmail } from './join-members';
import { DRIFT_KINDS, type DriftFinding, type DriftInput, type DriftKind, type DriftReport } from './types';

/**
 * Compares one team's Gem members with its directory users (pure, linear: maps, no nested loops). Once SCIM is on,
 * the directory is the source of truth for who is a member, their email and their role; every finding says where
 * Gem differs, with both sides' values.
 */
export function computeDrift(input: DriftInput): DriftReport {
  const teamUsesScim = input.teamUsesScim ?? true;
  const { pairs, unmatchedMembers, unmatchedDirectoryUsers } = joinMembers(
    input.members,
    input.directoryUsers,
  );
  const findings: DriftFinding[] = [];

  for (const directoryUser of unmatchedDirectoryUsers) {
    if (directoryUser.state === 'active') {
      findings.push({ kind: 'not_provisioned', gem: null, directory: directoryUser, joinedBy: null });
    }
  }
  for (const member of unmatchedMembers) {
    if (member.status !== 'active') continue;
    if (member.scim_managed) {
      findings.push({ kind: 'should_be_deprovisioned', gem: member, directory: null, joinedBy: null });
    } else if (teamUsesScim) {
      findings.push({ kind: 'not_scim_managed', gem: member, directory: null, joinedBy: null });
    }
  }
  for (const { member, directoryUser, joinedBy } of pairs) {
    const sides = { gem: member, directory: directoryUser, joinedBy };
    const directoryActive = directoryUser.state === 'active';
    const memberActive = member.status === 'active';
    if (directoryActive && !memberActive) findings.push({ kind: 'not_provisioned', ...sides });
    if (!directoryActive && memberActive && member.scim_managed) {
      findings.push({ kind: 'should_be_deprovisioned', ...sides });
    }
    if (memberActive && !member.scim_managed && teamUsesScim)
      findings.push({ kind: 'not_scim_managed', ...sides });
    if (!directoryActive || !memberActive) continue;
    // A directory user without a role says nothing about the Gem role (role assignment not set up yet).
    if (directoryUser.role_slug !== null) {
      const expectedRoleSlug = input.mapWorkosRoleToGem(directoryUser.role_slug);
      if (expectedRoleSlug !== member.role_slug)
        findings.push({ kind: 'role_differs', ...sides, expectedRoleSlug });
    }
    if (!sameEmail(member.email, directoryUser.email)) findings.push({ kind: 'email_differs', ...sides });
  }

  findings.sort(compareFindings);
  const counts = Object.fromEntries(DRIFT_KINDS.map((kind) => [kind, 0])) as Record<DriftKind, number>;
  for (const finding of findings) counts[finding.kind]++;
  return { findings, counts };
}

const KIND_RANK = new Map(DRIFT_KINDS.map((kind, i) => [kind, i]));

/** Kind, then email (lowercase), then member id, then directory user id: a total order, so the sort is stable. */
function compareFindings(a: DriftFinding, b: DriftFinding): number {
  return (
    (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0) ||
    compareText(sortEmail(a), sortEmail(b)) ||
    compareText(a.gem?.id ?? '', b.gem?.id ?? '') ||
    compareText(a.directory?.id ?? '', b.directory?.id ?? '')
  );
}

const sortEmail = (finding: DriftFinding): string =>
  (finding.gem?.email ?? finding.directory?.email ?? '').toLowerCase();

// Code-unit order, not locale order: the same on every machine.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
