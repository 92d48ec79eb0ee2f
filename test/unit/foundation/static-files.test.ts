import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInsideRoot } from '../../../main/web/static-files';

const root = path.resolve('/srv/renderer');

describe('resolveInsideRoot', () => {
  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveInsideRoot(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/assets/app.js?v=1')).toBe(path.join(root, 'assets', 'app.js'));
  });
  it.each([
    '/../secret',
    '/%2e%2e/secret',
    '/assets/../../etc/passwd',
    '/..%2f..%2fetc',
    '/a%00b',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveInsideRoot(root, urlPath)).toBeNull();
  });
});
