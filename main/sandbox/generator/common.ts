/** Pieces every preset shares: the base time, the environment roles, the staff and their sandbox credentials. */
import type { Scenario } from '../scenario/schema';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { Picker } from './random';

/**
 * Generated scenarios never read the clock: every timestamp is this base time or an offset from it, so the same seed
 * gives byte-identical JSON.
 */
export const GENERATOR_BASE_TIME = '2026-01-15T12:00:00.000Z';

/** The credentials the sandbox stand-ins accept; the app's sandbox profile uses `console` and the WorkOS key. */
export const SANDBOX_CREDENTIALS = {
  workosApiKey: 'sk_test_gem_scim_sandbox',
  gemTokens: {
    console: 'gem_sandbox_console_0001',
    csm: 'gem_sandbox_csm_dana_0001',
    engineer: 'gem_sandbox_eng_eli_0001',
  },
} as const;

export type SandboxTokenName = keyof typeof SANDBOX_CREDENTIALS.gemTokens;

export const CSM = { email: 'dana.whitfield@gem.com', name: 'Dana Whitfield' } as const;
export const SECOND_CSM = { email: 'marcus.ortega@gem.com', name: 'Marcus Ortega' } as const;
export const ENGINEER = { email: 'eli.nakamura@gem.com', name: 'Eli Nakamura' } as const;

/**
 * Gem's predefined roles as WorkOS environment roles with the same slugs, highest priority first. The default role
 * is `standard`: a user none of whose groups is mapped gets WorkOS's default role, and Gem maps WorkOS's default
 * to Standard, so making Standard the environment default keeps both sides saying the same thing.
 */
export function environment(): Scenario['workos']['environment'] {
  return {
    roles: [
      {
        id: 'role_env_admin',
        slug: 'admin',
        name: 'Admin',
        description: 'Gem Admin',
        createdAt: '2024-01-01T00:00:00.000Z',
      },
      {
        id: 'role_env_standard',
        slug: 'standard',
        name: 'Standard',
        description: 'Gem Standard',
        createdAt: '2024-01-01T00:00:00.000Z',
      },
      {
        id: 'role_env_restricted',
        slug: 'restricted',
        name: 'Restricted',
        description: 'Gem Restricted',
        createdAt: '2024-01-01T00:00:00.000Z',
      },
    ],
    defaultRole: 'standard',
  };
}

export function staff(): Scenario['gem']['staff'] {
  const tokens = SANDBOX_CREDENTIALS.gemTokens;
  return [
    {
      token: tokens.console,
      id: 'staff_console',
      email: 'console@gem.com',
      name: 'Sandbox Console',
      capabilities: ['teams:read', 'scim:manage', 'roles:sync'],
    },
    {
      token: tokens.csm,
      id: 'staff_dana',
      email: CSM.email,
      name: CSM.name,
      capabilities: ['teams:read', 'scim:manage'],
    },
    {
      token: tokens.engineer,
      id: 'staff_eli',
      email: ENGINEER.email,
      name: ENGINEER.name,
      capabilities: ['teams:read', 'roles:sync'],
    },
  ];
}

/** `base` plus `minutes`, as ISO. */
export function at(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
}

/** People with unique emails at `domain` (a number is added when a name repeats). */
export function people(picker: Picker, domain: string, count: number): Person[] {
  const used = new Map<string, number>();
  const out: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const firstName = picker.pick(FIRST_NAMES);
    const lastName = picker.pick(LAST_NAMES);
    const local = `${firstName}.${lastName}`.toLowerCase();
    const seen = used.get(local) ?? 0;
    used.set(local, seen + 1);
    out.push({ firstName, lastName, email: `${seen === 0 ? local : `${local}${seen + 1}`}@${domain}` });
  }
  return out;
}

/** `prefix_0007`-style ids, fixed width so they sort in creation order. */
export function numberedId(prefix: string, n: number, width = 4): string {
  return `${prefix}_${String(n).padStart(width, '0')}`;
}
