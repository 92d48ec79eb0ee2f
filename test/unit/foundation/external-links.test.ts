import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../main/electron/external-links';

describe('isAllowedExternalUrl', () => {
  it('allows https links to the WorkOS portal and Gem help pages', () => {
    expect(isAllowedExternalUrl('https://setup.workos.com?token=abc')).toBe(true);
    expect(isAllowedExternalUrl('https://id.workos.com/portal/launch?secret=x')).toBe(true);
    expect(isAllowedExternalUrl('https://support.gem.com/hc/en-us/articles/1')).toBe(true);
  });

  it.each([
    ['http:', 'http://setup.workos.com/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['look-alike suffix', 'https://setup.workos.com.evil.test/'],
    ['look-alike prefix', 'https://evilworkos.com/'],
    ['subdomain of allowed host', 'https://x.setup.workos.com/'],
    ['credentials in URL', 'https://user:pw@setup.workos.com/'],
    ['non-default port', 'https://setup.workos.com:8443/'],
    ['unknown host', 'https://example.com/'],
    ['not a URL', 'setup.workos.com'],
    ['punycode look-alike', 'https://xn--setup-workos-xyz.com/'],
  ])('rejects %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
