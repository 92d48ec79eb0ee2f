import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/core/profiles/data-dir';

describe('resolveDataDir', () => {
  const platformDefault = path.resolve('/home/someone/.config/Gem SCIM Console');

  it('prefers --data-dir, then GEM_SCIM_DATA_DIR, then the platform default', () => {
    const env = { GEM_SCIM_DATA_DIR: path.resolve('/srv/from-env') };
    expect(resolveDataDir({ flag: path.resolve('/srv/from-flag'), env, platformDefault })).toBe(
      path.resolve('/srv/from-flag'),
    );
    expect(resolveDataDir({ env, platformDefault })).toBe(path.resolve('/srv/from-env'));
    expect(resolveDataDir({ env: {}, platformDefault })).toBe(platformDefault);
    expect(resolveDataDir({ platformDefault })).toBe(platformDefault);
  });

  it('ignores empty values and makes relative paths absolute', () => {
    expect(resolveDataDir({ flag: '  ', env: { GEM_SCIM_DATA_DIR: '' }, platformDefault })).toBe(
      platformDefault,
    );
    expect(resolveDataDir({ flag: 'rel/dir', platformDefault })).toBe(path.resolve('rel/dir'));
  });

  it('refuses to guess when nothing is given', () => {
    expect(() => resolveDataDir({ env: {}, platformDefault: '' })).toThrow(
      /--data-dir or set GEM_SCIM_DATA_DIR/,
    );
  });
});
