import { describe, expect, it } from 'vitest';
import {
  classifyGemError,
  gemErrorFromResponse,
  parseRetryAfter,
  type GemCallInfo,
} from '../../../main/core/gem/errors';

const call: GemCallInfo = {
  operation: 'list members of team team_a',
  method: 'GET',
  capability: 'teams:read',
};
const body = (code: string, message: string, details?: Record<string, unknown>) =>
  JSON.stringify({ error: { code, message, details } });

describe('gemErrorFromResponse', () => {
  it('maps each status to the AppError code, keeping Gem code and details', () => {
    expect(gemErrorFromResponse(call, 401, body('unauthorized', 'bad'), null)).toMatchObject({
      code: 'unauthorized',
      retryable: false,
    });
    expect(gemErrorFromResponse(call, 404, body('not_found', 'x'), null)).toMatchObject({
      code: 'not_found',
      retryable: false,
    });
    const conflict = gemErrorFromResponse(
      call,
      409,
      body('claimed_by_other', 'taken', { claimed_by: 'eli@gem.com' }),
      null,
    );
    expect(conflict).toMatchObject({
      code: 'conflict',
      gemCode: 'claimed_by_other',
      details: { claimed_by: 'eli@gem.com' },
      retryable: false,
    });
    expect(
      gemErrorFromResponse(call, 400, body('invalid_request', 'x', { fields: ['limit'] }), null),
    ).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['limit'] },
    });
    expect(gemErrorFromResponse(call, 503, '', null)).toMatchObject({
      code: 'internal',
      retryable: true,
      gemCode: null,
    });
  });

  it('403 names the capability: from Gem when it says, else from the call', () => {
    expect(gemErrorFromResponse(call, 403, body('forbidden', 'no'), null).message).toContain(
      'teams:read capability',
    );
    const said = gemErrorFromResponse(call, 403, body('forbidden', 'no', { capability: 'roles:sync' }), null);
    expect(said).toMatchObject({ code: 'unauthorized', retryable: false });
    expect(said.message).toContain('roles:sync capability');
  });

  it('reads a proxy HTML error page by status alone', () => {
    const error = gemErrorFromResponse(call, 502, '<html>Bad Gateway</html>', null);
    expect(error).toMatchObject({ code: 'internal', status: 502, gemCode: null, retryable: true });
    expect(error.message).toBe('Gem failed on list members of team team_a (HTTP 502)');
  });

  it('429 carries Retry-After in ms, and classifies for the retry policy', () => {
    const error = gemErrorFromResponse(call, 429, body('rate_limited', 'slow down'), '2');
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 2000, retryable: true });
    expect(classifyGemError(error)).toEqual({
      errorCode: 'rate_limited',
      retryable: true,
      status: 429,
      code: 'rate_limited',
      message: error.message,
      retryAfterMs: 2000,
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
