import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { GemTokenVerifier } from '../../../main/core/secrets/gem-token-verifier';
import { WorkosKeyVerifier } from '../../../main/core/secrets/workos-key-verifier';
import { startScriptedServer, type FakeService } from './fake-services';

// How the two verifiers (the real WorkOS SDK; fetch for Gem) explain answers other than success or 401, from real
// HTTP on 127.0.0.1. None of this touches the keychain.

const SECRET = 'sk_test_verifier_answers_0123';
let server: FakeService | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function verifyBoth(
  answer: Parameters<typeof startScriptedServer>[0],
): Promise<Record<string, AppError>> {
  server = await startScriptedServer(answer);
  const profile = { id: 'p', workosBaseUrl: server.baseUrl, gemBaseUrl: server.baseUrl };
  const errors: Record<string, AppError> = {};
  for (const verifier of [new WorkosKeyVerifier(400), new GemTokenVerifier(400)]) {
    const error = await verifier.verify(profile, SECRET).then(
      () => null,
      (caught: unknown) => caught,
    );
    if (!(error instanceof AppError))
      throw new Error(`${verifier.which}: expected an AppError, got ${String(error)}`);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('nothing was saved');
    errors[verifier.which] = error;
  }
  return errors;
}

describe('verifier answers', () => {
  it('a 5xx is a retryable internal error quoting the service', async () => {
    const { workos, gem } = await verifyBoth({
      status: 503,
      contentType: 'application/json',
      body: '{"error":{"code":"internal","message":"maintenance"}}',
    });
    expect([workos?.code, workos?.retryable]).toEqual(['internal', true]);
    expect(workos?.message).toContain('WorkOS answered GET /organizations?limit=1 with 503');
    expect(gem?.message).toBe('Gem answered GET /me with 503 "internal: maintenance": nothing was saved.');
  });

  it('a 429 is rate_limited', async () => {
    const { workos, gem } = await verifyBoth({
      status: 429,
      contentType: 'application/json',
      body: '{"message":"x"}',
    });
    expect([workos?.code, gem?.code]).toEqual(['rate_limited', 'rate_limited']);
  });

  it('an HTML page instead of the API points at the base URL', async () => {
    const { workos, gem } = await verifyBoth({
      status: 200,
      contentType: 'text/html',
      body: '<html>portal</html>',
    });
    expect(workos?.code).toBe('internal');
    expect(workos?.message).toMatch(/not a WorkOS list .*check the profile's WorkOS base URL/);
    expect(gem?.message).toMatch(
      /answered GET \/me with 200 but not a staff record; check the profile's Gem base URL/,
    );
    const bad = await verifyBoth({ status: 502, contentType: 'text/html', body: '<html>bad gateway</html>' });
    expect(bad.workos?.message).toContain('with a body that is not JSON');
  });

  it('no answer before the timeout is offline', async () => {
    const { workos, gem } = await verifyBoth('hang');
    for (const error of [workos, gem]) {
      expect(error?.code).toBe('offline');
      expect(error?.message).toContain('could not be reached');
      expect(error?.message).toContain('no answer before the timeout');
    }
  });
});
