import {
  BadRequestException,
  GenericServerException,
  NotFoundException,
  OauthException,
  RateLimitExceededException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import {
  classifyWorkosError,
  MALFORMED_RESPONSE,
  MalformedResponseError,
} from '../../../main/core/workos/error-mapping';
import { toSdkConnection } from '../../../main/core/workos/sdk-connection';

// The SDK's exported exception classes, built as its handleHttpError builds them (8.13.0). ConflictException and
// ParseError are not exported; the integration tests produce them through the real SDK.
describe('classifyWorkosError', () => {
  it('maps 401 to unauthorized, not retryable', () => {
    expect(classifyWorkosError(new UnauthorizedException(''))).toMatchObject({
      errorCode: 'unauthorized',
      retryable: false,
      status: 401,
    });
  });

  it('maps 403 (GenericServerException) to unauthorized, not retryable', () => {
    const f = classifyWorkosError(new GenericServerException(403, 'Forbidden', { message: 'Forbidden' }, ''));
    expect(f).toMatchObject({
      errorCode: 'unauthorized',
      retryable: false,
      status: 403,
      message: 'Forbidden',
    });
  });

  it('maps 404 with its code', () => {
    const e = new NotFoundException({
      code: 'entity_not_found',
      message: "Directory not found: 'x'.",
      path: '/d',
      requestID: '',
    });
    expect(classifyWorkosError(e)).toMatchObject({
      errorCode: 'not_found',
      retryable: false,
      status: 404,
      code: 'entity_not_found',
      message: "Directory not found: 'x'.",
    });
  });

  it('maps 422 and 400 to invalid_input', () => {
    const unprocessable = new UnprocessableEntityException({
      code: 'invalid',
      errors: [{ field: 'slug', code: 'bad slug' }],
      message: 'Validation failed',
      requestID: '',
    });
    expect(classifyWorkosError(unprocessable)).toMatchObject({
      errorCode: 'invalid_input',
      status: 422,
      retryable: false,
    });
    const bad = new BadRequestException({ code: 'bad_request', errors: [], message: 'Bad', requestID: '' });
    expect(classifyWorkosError(bad)).toMatchObject({
      errorCode: 'invalid_input',
      status: 400,
      code: 'bad_request',
    });
    const generic400 = new GenericServerException(400, 'Could not find an organization', { code: 'x' }, '');
    expect(classifyWorkosError(generic400)).toMatchObject({
      errorCode: 'invalid_input',
      status: 400,
      code: 'x',
    });
  });

  it('maps 429 to rate_limited with Retry-After in ms, or null when absent', () => {
    expect(classifyWorkosError(new RateLimitExceededException('Slow down', '', 2))).toMatchObject({
      errorCode: 'rate_limited',
      retryable: true,
      status: 429,
      retryAfterMs: 2000,
    });
    expect(classifyWorkosError(new RateLimitExceededException('Slow down', '', 0.25)).retryAfterMs).toBe(250);
    expect(
      classifyWorkosError(new RateLimitExceededException('Slow down', '', null)).retryAfterMs,
    ).toBeNull();
  });

  it('maps 5xx to internal, retryable', () => {
    for (const status of [500, 502, 503, 504]) {
      expect(classifyWorkosError(new GenericServerException(status, 'boom', {}, ''))).toMatchObject({
        errorCode: 'internal',
        retryable: true,
        status,
      });
    }
  });

  it('maps the SDK timeout (OauthException 408) to offline, retryable', () => {
    const e = new OauthException(408, '', 'Request timeout', undefined, { error: 'Request timeout' });
    expect(classifyWorkosError(e)).toMatchObject({ errorCode: 'offline', retryable: true, status: 408 });
  });

  it('maps "Unexpected error: TypeError: fetch failed" to offline, retryable, naming the network code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const cause = new TypeError('fetch failed', { cause: refused });
    const f = classifyWorkosError(new Error(`Unexpected error: ${cause}`, { cause }));
    expect(f).toMatchObject({ errorCode: 'offline', retryable: true, status: null });
    expect(f.message).toBe('could not reach WorkOS: the connection failed (ECONNREFUSED)');
  });

  it('maps malformed bodies to internal, retryable, "WorkOS sent a malformed response"', () => {
    const cases: unknown[] = [
      new Error('Unexpected error: ParseError: Unexpected token < in JSON'),
      new TypeError("Cannot read properties of null (reading 'data')"),
      new MalformedResponseError('directory user has no id'),
      new SyntaxError('Unexpected end of JSON input'),
    ];
    for (const error of cases) {
      const f = classifyWorkosError(error);
      expect(f.errorCode).toBe('internal');
      expect(f.retryable).toBe(true);
      expect(f.message.startsWith(MALFORMED_RESPONSE)).toBe(true);
    }
  });

  it('maps a connection cut mid-body (TypeError "terminated") to offline, retryable', () => {
    expect(classifyWorkosError(new TypeError('terminated'))).toMatchObject({
      errorCode: 'offline',
      retryable: true,
    });
  });

  it('passes an AppError through and treats unknown errors as internal, not retryable', () => {
    const app = new AppError('conflict', 'x', { retryable: false });
    expect(classifyWorkosError(app)).toMatchObject({ errorCode: 'conflict', retryable: false });
    expect(classifyWorkosError(new RangeError('bug'))).toMatchObject({
      errorCode: 'internal',
      retryable: false,
    });
  });
});

describe('toSdkConnection', () => {
  it('builds the SDK host options from a base URL', () => {
    expect(toSdkConnection('https://api.workos.com')).toEqual({ apiHostname: 'api.workos.com', https: true });
    expect(toSdkConnection('http://127.0.0.1:8787')).toEqual({
      apiHostname: '127.0.0.1',
      https: false,
      port: 8787,
    });
    expect(toSdkConnection('http://localhost:9/')).toEqual({
      apiHostname: 'localhost',
      https: false,
      port: 9,
    });
  });

  it('refuses plain http off this machine, a path prefix, and credentials (without echoing them)', () => {
    expect(() => toSdkConnection('http://api.workos.com')).toThrow(/must use https/);
    expect(() => toSdkConnection('https://proxy.example.com/workos')).toThrow(/cannot have a path/);
    let message = '';
    try {
      toSdkConnection('https://user:hunter2@api.workos.com');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/only a scheme/);
    expect(message).not.toContain('hunter2');
  });
});
