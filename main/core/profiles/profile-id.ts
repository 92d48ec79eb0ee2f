import { randomBytes } from 'node:crypto';
import { SANDBOX_PROFILE_ID } from './profile';

/**
 * A new profile id: a slug of its name plus a short random suffix, e.g. "acme-production-3f9a". The suffix keeps ids
 * unique when two profiles share a name and keeps a deleted profile's leftovers (a stale keychain entry, a database
 * file) from being picked up by a new profile of the same name.
 */
export function newProfileId(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'profile';
  for (;;) {
    const id = `${slug}-${randomBytes(2).toString('hex')}`;
    if (id !== SANDBOX_PROFILE_ID && !taken.has(id)) return id;
  }
}
