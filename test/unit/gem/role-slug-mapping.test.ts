import { describe, expect, it } from 'vitest';
import {
  gemRoleSlugForWorkosRole,
  workosRoleSlugForGemCustomRole,
} from '../../../main/core/gem/role-slug-mapping';

describe('gemRoleSlugForWorkosRole', () => {
  it('maps environment roles by slug and the WorkOS default member to standard', () => {
    expect(gemRoleSlugForWorkosRole('admin')).toBe('admin');
    expect(gemRoleSlugForWorkosRole('standard')).toBe('standard');
    expect(gemRoleSlugForWorkosRole('restricted')).toBe('restricted');
    expect(gemRoleSlugForWorkosRole('member')).toBe('standard');
  });

  it('maps org-<slug> to the custom role <slug>, preferring a recorded workos_role_slug', () => {
    expect(gemRoleSlugForWorkosRole('org-recruiter-plus')).toBe('recruiter-plus');
    expect(
      gemRoleSlugForWorkosRole('org-long-name-cut', [
        { slug: 'long-name-cut-short', workos_role_slug: 'org-long-name-cut' },
      ]),
    ).toBe('long-name-cut-short');
  });

  it('answers null for roles that stand for no Gem role', () => {
    expect(gemRoleSlugForWorkosRole('billing-viewer')).toBeNull();
    expect(gemRoleSlugForWorkosRole('org-')).toBeNull();
  });
});

describe('workosRoleSlugForGemCustomRole', () => {
  it('prefixes org-, lowercases, replaces other characters and caps at 48', () => {
    expect(workosRoleSlugForGemCustomRole('recruiter-plus')).toBe('org-recruiter-plus');
    expect(workosRoleSlugForGemCustomRole('Lead Recruiter!')).toBe('org-lead-recruiter-');
    const long = workosRoleSlugForGemCustomRole('x'.repeat(60));
    expect(long).toHaveLength(48);
    expect(long).toMatch(/^org-[a-z0-9_-]+$/);
  });

  it('round-trips through gemRoleSlugForWorkosRole for ordinary slugs', () => {
    for (const slug of ['sourcer', 'hiring_lead', 'recruiter-plus-2']) {
      expect(gemRoleSlugForWorkosRole(workosRoleSlugForGemCustomRole(slug))).toBe(slug);
    }
  });
});
