import { describe, expect, it } from 'vitest';
import { computeDrift, type DirectoryUserRecord, type GemMemberRecord } from '../../../main/core/drift';

const mapWorkosRoleToGem = (slug: string): string | null => (slug.startsWith('org-') ? slug.slice(4) : slug);

describe('computeDrift on 100,000 members', () => {
  it('finds exactly the injected drift', () => {
    const size = 100_000;
    const members: GemMemberRecord[] = [];
    const directoryUsers: DirectoryUserRecord[] = [];
    for (let i = 0; i < size; i++) {
      const role = i % 3 === 0 ? 'admin' : i % 3 === 1 ? 'standard' : 'org-recruiter-plus';
      directoryUsers.push({
        id: `dir_${i}`,
        email: `user${i}@acme.com`,
        first_name: 'U',
        last_name: String(i),
        state: 'active',
        role_slug: role,
      });
      members.push({
        id: `user_${i}`,
        email: `USER${i}@acme.com`, // differs only in case: never drift
        first_name: 'U',
        last_name: String(i),
        role_slug: mapWorkosRoleToGem(role) ?? '',
        status: 'active',
        scim_managed: true,
        directory_user_id: `dir_${i}`,
      });
    }
    // Injected drift, on disjoint index ranges; the expected counts follow from the ranges.
    for (let i = 0; i < 1000; i++) at(members, i).role_slug = 'restricted'; // role_differs
    for (let i = 1000; i < 1500; i++) at(members, i).email = `renamed${i}@acme.com`; // email_differs
    for (let i = 1500; i < 2200; i++) at(directoryUsers, i).state = i % 2 === 0 ? 'inactive' : 'suspended'; // deprovision
    members.splice(2200, 300); // 300 directory users with no member: not_provisioned
    for (let i = 0; i < 400; i++) {
      // 400 members with no directory user, SCIM-managed: should_be_deprovisioned
      members.push({
        ...at(members, 5000 + i),
        id: `orphan_${i}`,
        email: `orphan${i}@acme.com`,
        directory_user_id: null,
      });
    }
    for (let i = 3000; i < 3250; i++) {
      // 250 hand-added members matched by email only: not_scim_managed
      at(members, i).scim_managed = false;
      at(members, i).directory_user_id = null;
    }

    const report = computeDrift({ members, directoryUsers, mapWorkosRoleToGem });
    expect(report.counts).toEqual({
      not_provisioned: 300,
      should_be_deprovisioned: 700 + 400,
      role_differs: 1000,
      email_differs: 500,
      not_scim_managed: 250,
    });
    expect(report.findings).toHaveLength(300 + 1100 + 1000 + 500 + 250);
    const emailJoined = report.findings.filter((f) => f.kind === 'not_scim_managed');
    expect(emailJoined.every((f) => f.joinedBy === 'email' && f.directory !== null)).toBe(true);
  });
});

function at<T>(rows: T[], index: number): T {
  const row = rows[index];
  if (row === undefined) throw new Error(`no row ${index}`);
  return row;
}
