import { describe, expect, it } from 'vitest';
import { secretHint } from '../../../main/core/secrets/secret-hint';

describe('secretHint', () => {
  it('is "…" and the last four characters', () => {
    expect(secretHint('sk_test_0123456789a1b2')).toBe('…a1b2');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(secretHint('token-with-emoji-ab🔑cd')).toBe('…b🔑cd');
  });

  it('gives no hint for secrets of 8 characters or fewer (4 would reveal half)', () => {
    expect(secretHint('12345678')).toBeNull();
    expect(secretHint('123456789')).toBe('…6789');
  });
});
