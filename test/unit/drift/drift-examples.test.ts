import { describe, expect, it } from 'vitest';
import {
  computeDrift,
  type DirectoryUserRecord,
  type DriftInput,
  type GemMemberRecord,
} from '../../../main/core/drift';

// Environment roles map by slug; `org-<slug>` maps to the custom role `<slug>` (the caller's rule).
const mapWorkosRoleToGem = (slug: string): string | null =>
  slug.startsWith('org-') ? slug.slice(4) : ['admin', 'standard', 'restricted'].includes(slug) ? slug : null;

function member(id: string, overrides: Partial<GemMemberRecord> = {}): GemMemberRecord {
  return {
    id,
    email: `${id}@acme.com`,
    first_name: 'First',
    last_name: id,
    role_slug: 'standard',
    status: 'active',
    scim_managed: true,
    directory_user_id: `dir_${id}`,
    ...overrides,
  };
}

function directoryUser(id: string, overrides: Partial<DirectoryUserRecord> = {}): DirectoryUserRecord {
  return {
    id: `dir_${id}`,
    email: `${id}@acme.com`,
    first_name: 'First',
    last_name: id,
    state: 'active',
    role_slug: 'standard',
    ...overrides,
  };
}

const drift = (
  members: GemMemberRecord[],
  directoryUsers: DirectoryUserRecord[],
  extra: Partial<DriftInput> = {},
) => computeDrift({ members, directoryUsers, mapWorkosRoleToGem, ...extra });

describe('computeDrift', () => {
  it('reports nothing when both sides agree', () => {
    const report = drift(
      [member('ana'), member('bo', { role_slug: 'recruiter-plus' })],
      [directoryUser('ana'), directoryUser('bo', { role_slug: 'org-recruiter-plus' })],
    );
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({
      not_provisioned: 0,
      should_be_deprovisioned: 0,
      role_differs: 0,
      email_differs: 0,
      not_scim_managed: 0,
    });
  });

  it('not_provisioned: an active directory user with no Gem member, or only a deactivated one', () => {
    const absent = directoryUser('new');
    const deactivated = member('old', { status: 'deactivated' });
    const report = drift(
      [deactivated],
      [absent, directoryUser('old'), directoryUser('gone', { state: 'inactive' })],
    );
    expect(report.findings).toEqual([
      { kind: 'not_provisioned', gem: null, directory: absent, joinedBy: null },
      {
        kind: 'not_provisioned',
        gem: deactivated,
        directory: directoryUser('old'),
        joinedBy: 'directory_user_id',
      },
    ]);
    expect(report.counts.not_provisioned).toBe(2);
  });

  it('should_be_deprovisioned: active SCIM-managed members gone from the directory or not active there', () => {
    const gone = member('gone');
    const suspended = member('susp');
    const inactive = member('inact');
    const report = drift(
      [gone, suspended, inactive, member('done', { status: 'deactivated' })],
      [
        directoryUser('susp', { state: 'suspended' }),
        directoryUser('inact', { state: 'inactive' }),
        directoryUser('done', { state: 'inactive' }),
      ],
    );
    expect(report.findings.map((f) => [f.kind, f.gem?.id, f.directory?.state ?? null])).toEqual([
      ['should_be_deprovisioned', 'gone', null],
      ['should_be_deprovisioned', 'inact', 'inactive'],
      ['should_be_deprovisioned', 'susp', 'suspended'],
    ]);
  });

  it('role_differs: carries the WorkOS role, the Gem role it maps to, and the Gem role', () => {
    const report = drift(
      [member('ana', { role_slug: 'standard' }), member('bo'), member('cy'), member('di')],
      [
        directoryUser('ana', { role_slug: 'admin' }),
        directoryUser('bo', { role_slug: 'org-hiring-manager' }),
        directoryUser('cy', { role_slug: 'member' }), // an environment role Gem does not know
        directoryUser('di', { role_slug: null }), // no role yet: nothing to compare
      ],
    );
    expect(
      report.findings.map((f) => [f.kind, f.gem?.role_slug, f.directory?.role_slug, f.expectedRoleSlug]),
    ).toEqual([
      ['role_differs', 'standard', 'admin', 'admin'],
      ['role_differs', 'standard', 'org-hiring-manager', 'hiring-manager'],
      ['role_differs', 'standard', 'member', null],
    ]);
  });

  it('email_differs: compares emails ignoring case', () => {
    const report = drift(
      [member('ana', { email: 'Ana@Acme.com' }), member('bo', { email: 'bo@old.example' })],
      [directoryUser('ana', { email: 'ana@acme.COM' }), directoryUser('bo', { email: 'bo@acme.com' })],
    );
    expect(report.findings).toEqual([
      {
        kind: 'email_differs',
        gem: member('bo', { email: 'bo@old.example' }),
        directory: directoryUser('bo', { email: 'bo@acme.com' }),
        joinedBy: 'directory_user_id',
      },
    ]);
  });

  it('not_scim_managed: active hand-added members of a SCIM team, matched or not', () => {
    const manual = member('man', { scim_managed: false, directory_user_id: null });
    const matched = member('mat', { scim_managed: false, directory_user_id: null, email: 'MAT@acme.com' });
    const members = [
      manual,
      matched,
      member('off', { scim_managed: false, directory_user_id: null, status: 'deactivated' }),
    ];
    const report = drift(members, [directoryUser('mat')]);
    expect(report.findings).toEqual([
      { kind: 'not_scim_managed', gem: manual, directory: null, joinedBy: null },
      { kind: 'not_scim_managed', gem: matched, directory: directoryUser('mat'), joinedBy: 'email' },
    ]);
    expect(drift(members, [directoryUser('mat')], { teamUsesScim: false }).findings).toEqual([]);
  });

  it('joins on directory_user_id before email, and never re-matches a linked member by email', () => {
    // ana is linked to dir_x whose email is different; dir_ana has ana's email but must not steal her.
    const ana = member('ana', { directory_user_id: 'dir_x' });
    const linked = directoryUser('x', { email: 'ana.new@acme.com' });
    const sameEmail = directoryUser('ana');
    const report = drift([ana], [sameEmail, linked]);
    expect(report.findings).toEqual([
      { kind: 'not_provisioned', gem: null, directory: sameEmail, joinedBy: null },
      { kind: 'email_differs', gem: ana, directory: linked, joinedBy: 'directory_user_id' },
    ]);
  });

  it('falls back to email when the linked directory user no longer exists', () => {
    const ana = member('ana', { directory_user_id: 'dir_deleted', email: 'ANA@acme.com' });
    const report = drift([ana], [directoryUser('ana', { role_slug: 'admin' })]);
    expect(report.findings).toEqual([
      {
        kind: 'role_differs',
        gem: ana,
        directory: directoryUser('ana', { role_slug: 'admin' }),
        joinedBy: 'email',
        expectedRoleSlug: 'admin',
      },
    ]);
  });

  it('sorts by kind, then email, then ids, whatever the input order', () => {
    const members = [
      member('zed', { role_slug: 'admin' }),
      member('amy', { role_slug: 'admin' }),
      member('gone'),
    ];
    const users = [directoryUser('zed'), directoryUser('new'), directoryUser('amy')];
    const forward = drift(members, users).findings;
    const backward = drift([...members].reverse(), [...users].reverse()).findings;
    expect(forward.map((f) => [f.kind, f.gem?.id ?? f.directory?.id])).toEqual([
      ['not_provisioned', 'dir_new'],
      ['should_be_deprovisioned', 'gone'],
      ['role_differs', 'amy'],
      ['role_differs', 'zed'],
    ]);
    expect(backward).toEqual(forward);
  });
});
