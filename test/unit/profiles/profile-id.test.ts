import { describe, expect, it } from 'vitest';
import { ProfileIdSchema } from '../../../main/core/profiles/profile';
import { newProfileId } from '../../../main/core/profiles/profile-id';

describe('newProfileId', () => {
  it('is a slug of the name with a random suffix', () => {
    const id = newProfileId('Acme — Production (EU)', new Set());
    expect(id).toMatch(/^acme-production-eu-[0-9a-f]{4}$/);
    expect(ProfileIdSchema.safeParse(id).success).toBe(true);
  });

  it('strips accents and falls back to "profile" for names without latin letters or digits', () => {
    expect(newProfileId('Équipe Zürich', new Set())).toMatch(/^equipe-zurich-[0-9a-f]{4}$/);
    expect(newProfileId('日本', new Set())).toMatch(/^profile-[0-9a-f]{4}$/);
  });

  it('never repeats a taken id and never yields "sandbox"', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 300; i += 1) {
      const id = newProfileId('Staging', taken);
      expect(taken.has(id)).toBe(false);
      taken.add(id);
    }
    expect(newProfileId('sandbox', new Set())).not.toBe('sandbox');
  });

  it('keeps long names within the id limit', () => {
    const id = newProfileId('x'.repeat(200), new Set());
    expect(id.length).toBeLessThanOrEqual(45);
    expect(ProfileIdSchema.safeParse(id).success).toBe(true);
  });
});
