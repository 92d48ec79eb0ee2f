import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { validateBaseUrl } from '../../../main/core/profiles/profile-urls';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateBaseUrl', () => {
  it('accepts https for production and staging, and normalises the trailing slash', () => {
    expect(validateBaseUrl('WorkOS', 'https://api.workos.com/', 'production')).toBe('https://api.workos.com');
    expect(validateBaseUrl('Gem', ' https://api.gem.com/admin/v0/ ', 'staging')).toBe(
      'https://api.gem.com/admin/v0',
    );
    expect(validateBaseUrl('WorkOS', 'https://127.0.0.1:8443', 'staging')).toBe('https://127.0.0.1:8443');
  });

  it('requires https for production and staging, even on this machine', () => {
    for (const kind of ['production', 'staging'] as const) {
      const error = refusal(() => validateBaseUrl('WorkOS', 'http://127.0.0.1:4510', kind));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe(
        `WorkOS base URL "http://127.0.0.1:4510" is not accepted: a ${kind} profile requires https.`,
      );
    }
  });

  it('accepts plain http only towards 127.0.0.1, localhost or ::1', () => {
    expect(validateBaseUrl('WorkOS', 'http://127.0.0.1:4510', 'sandbox')).toBe('http://127.0.0.1:4510');
    expect(validateBaseUrl('Gem', 'http://localhost:4520/admin/v0', 'sandbox')).toBe(
      'http://localhost:4520/admin/v0',
    );
    expect(validateBaseUrl('Gem', 'http://[::1]:4520', 'sandbox')).toBe('http://[::1]:4520');
    expect(refusal(() => validateBaseUrl('Gem', 'http://10.0.0.5:4520', 'sandbox')).message).toContain(
      'plain http is accepted only for 127.0.0.1 or localhost',
    );
    expect(refusal(() => validateBaseUrl('Gem', 'http://localhost.evil.com', 'sandbox')).code).toBe(
      'invalid_input',
    );
  });

  it('refuses a WorkOS URL with a path, because the SDK would drop it', () => {
    expect(
      refusal(() => validateBaseUrl('WorkOS', 'https://proxy.example.com/workos', 'staging')).message,
    ).toContain('the WorkOS SDK ignores a path');
  });

  it('refuses credentials in the URL without echoing them', () => {
    const error = refusal(() =>
      validateBaseUrl('Gem', 'https://dana:hunter2secret@api.gem.com', 'production'),
    );
    expect(error.message).toContain('contains a user name or password');
    expect(error.message).not.toContain('hunter2secret');
  });

  it('refuses what is not an http(s) base URL', () => {
    for (const raw of [
      'api.gem.com',
      'ftp://api.gem.com',
      'https://api.gem.com/?a=1',
      'https://api.gem.com/#x',
      '',
    ]) {
      expect(refusal(() => validateBaseUrl('Gem', raw, 'production')).code).toBe('invalid_input');
    }
  });
});
