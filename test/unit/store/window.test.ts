import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { DEFAULT_WINDOW_LIMIT, MAX_WINDOW_LIMIT, normaliseWindow } from '../../../main/core/store/window';
import { likeContains } from '../../../main/core/store/repositories/teams';

describe('normaliseWindow', () => {
  it('defaults to the first window of the default size', () => {
    expect(normaliseWindow('members', {})).toEqual({ offset: 0, limit: DEFAULT_WINDOW_LIMIT });
  });

  it('refuses offsets and limits outside the allowed range with invalid_input', () => {
    for (const request of [
      { offset: -1 },
      { offset: 1.5 },
      { limit: 0 },
      { limit: MAX_WINDOW_LIMIT + 1 },
      { limit: Number.NaN },
    ]) {
      let caught: unknown;
      try {
        normaliseWindow('members', request);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('invalid_input');
      expect((caught as AppError).message).toContain('members');
    }
  });
});

describe('likeContains', () => {
  it('escapes LIKE wildcards so user text matches literally', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
