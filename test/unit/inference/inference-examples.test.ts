import { describe, expect, it } from 'vitest';
import { inferGroupRoles, type InferenceUser } from '../../../main/core/inference';

const priority = ['admin', 'standard', 'restricted'];
const roleNames = { admin: 'Admin', standard: 'Standard', restricted: 'Restricted' };

function users(count: number, role: string, groupIds: string[], prefix: string): InferenceUser[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, role, groupIds }));
}

// Hidden truth: admins → admin, staff unmapped, limited → restricted, ops → admin, mixed → standard.
const input = {
  priority,
  defaultRole: 'standard',
  roleNames,
  groups: ['admins', 'staff', 'limited', 'ops', 'mixed', 'shadow', 'empty'].map((id) => ({ id, name: id })),
  users: [
    ...users(12, 'admin', ['admins'], 'a'),
    ...users(3, 'standard', ['staff'], 's'),
    ...users(2, 'restricted', ['limited'], 'l'),
    ...users(4, 'admin', ['ops', 'staff'], 'o'),
    ...users(1, 'standard', ['mixed', 'limited'], 'm'),
    ...users(2, 'admin', ['shadow', 'admins'], 'h'),
    { id: 'nobody', role: 'standard', groupIds: [] },
  ],
};

describe('inferGroupRoles evidence', () => {
  const result = inferGroupRoles(input);
  const group = (id: string) => result.groups.find((g) => g.groupId === id);

  it('pins a group from members who are only in it', () => {
    expect(group('admins')).toEqual({
      groupId: 'admins',
      status: 'determined',
      candidates: ['admin'],
      evidence: ['pinned to Admin by 12 members who are only in this group'],
      memberCount: 14,
    });
  });

  it('merges "maps to the default role" and "unmapped" into one candidate for members only in the group', () => {
    expect(group('staff')).toMatchObject({
      status: 'determined',
      candidates: [null],
      defaultOrNone: 'either',
      evidence: [
        '3 members who are only in this group hold Standard, the default role: it maps to Standard or is unmapped',
        'cannot map above Standard: 3 members hold Standard',
      ],
      memberCount: 7,
    });
  });

  it('bounds a group by its lowest-ranked member role', () => {
    expect(group('limited')?.evidence).toEqual([
      'pinned to Restricted by 2 members who are only in this group',
      'cannot map above Restricted: 2 members hold Restricted',
    ]);
  });

  it('pins a group through members whose other groups cannot give their role', () => {
    expect(group('ops')).toMatchObject({
      status: 'determined',
      candidates: ['admin'],
      evidence: ['pinned to Admin by 4 members whose other groups cannot map to Admin'],
    });
  });

  it('tells "maps to the default role" from "unmapped" when another group of the member maps below it', () => {
    expect(group('mixed')).toMatchObject({
      status: 'determined',
      candidates: [null],
      defaultOrNone: 'mapped_to_default',
      evidence: [
        'cannot map above Standard: 1 member holds Standard',
        'maps to Standard rather than unmapped: 1 member holds Standard, the default role, while another of their ' +
          'groups maps below it',
        'cannot map below Standard: 1 member holds Standard, the default role, and none of their other groups can ' +
          'map to Standard',
      ],
    });
  });

  it('lists every candidate when the members say nothing about the group', () => {
    expect(group('shadow')).toMatchObject({
      status: 'ambiguous',
      candidates: ['admin', 'restricted', null],
      defaultOrNone: 'either',
      evidence: ['no member is only in this group'],
    });
    expect(group('empty')).toMatchObject({
      status: 'ambiguous',
      candidates: ['admin', 'restricted', null],
      evidence: ['has no members: nothing to infer from'],
      memberCount: 0,
    });
  });

  it('reports no unexplained member on consistent data', () => {
    expect(result.unexplainedMemberCount).toBe(0);
  });
});

describe('explainRole', () => {
  const result = inferGroupRoles(input);

  it('names the groups that could have given a non-default role', () => {
    expect(result.explainRole('o0')).toEqual({
      role: 'admin',
      possibleSources: ['ops'],
      viaDefault: false,
      explained: true,
    });
    // Both groups may map to Admin: "shadow" is not determined.
    expect(result.explainRole('h1')).toEqual({
      role: 'admin',
      possibleSources: ['admins', 'shadow'],
      viaDefault: false,
      explained: true,
    });
  });

  it('says when the default role may come from no mapped group at all', () => {
    expect(result.explainRole('s0')).toEqual({
      role: 'standard',
      possibleSources: ['staff'],
      viaDefault: true,
      explained: true,
    });
    expect(result.explainRole('nobody')).toEqual({
      role: 'standard',
      possibleSources: [],
      viaDefault: true,
      explained: true,
    });
    // "limited" maps to Restricted, so the Standard of m0 must come from "mixed" mapping to Standard.
    expect(result.explainRole('m0')).toEqual({
      role: 'standard',
      possibleSources: ['mixed'],
      viaDefault: false,
      explained: true,
    });
  });

  it('answers undefined for an unknown user', () => {
    expect(result.explainRole('ghost')).toBeUndefined();
  });
});

describe('inferGroupRoles on inconsistent data', () => {
  it('marks the group whose members contradict each other, and only that group', () => {
    const result = inferGroupRoles({
      ...input,
      users: [...input.users, { id: 'stale', role: 'restricted', groupIds: ['admins'] }],
    });
    const admins = result.groups.find((g) => g.groupId === 'admins');
    expect(admins).toMatchObject({ status: 'inconsistent', candidates: [] });
    expect(admins?.evidence).toEqual([
      'pinned to Admin by 12 members who are only in this group',
      'pinned to Restricted by 1 member who is only in this group',
      'cannot map above Restricted: 1 member holds Restricted',
      'conflict: 12 members hold Admin but none of their groups can map to it',
      'no mapping fits every member: the data may be stale, or WorkOS uses a setting this model does not know',
    ]);
    expect(result.groups.filter((g) => g.status === 'inconsistent').map((g) => g.groupId)).toEqual([
      'admins',
    ]);
    expect(result.explainRole('a0')?.explained).toBe(false);
    expect(result.unexplainedMemberCount).toBeGreaterThanOrEqual(12);
  });

  it('flags a member holding a non-default role without any group', () => {
    const result = inferGroupRoles({ ...input, users: [{ id: 'lonely', role: 'admin', groupIds: [] }] });
    expect(result.explainRole('lonely')).toEqual({
      role: 'admin',
      possibleSources: [],
      viaDefault: false,
      explained: false,
    });
    expect(result.unexplainedMemberCount).toBe(1);
    expect(result.groups.every((g) => g.status !== 'inconsistent')).toBe(true);
  });

  it('accepts roles missing from the priority list, ranked below every listed role', () => {
    const result = inferGroupRoles({
      priority,
      defaultRole: 'standard',
      groups: [{ id: 'x', name: 'x' }],
      users: [{ id: 'u', role: 'org-custom', groupIds: ['x'] }],
    });
    expect(result.groups[0]).toMatchObject({ status: 'determined', candidates: ['org-custom'] });
  });
});
