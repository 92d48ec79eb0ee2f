import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/electron/trusted-sender';

describe('isTrustedSender', () => {
  it('accepts the top frame of our own UI', () => {
    expect(isTrustedSender({ frameUrl: 'app://console/index.html', isTopFrame: true })).toBe(true);
  });
  it('rejects a missing frame, a subframe and any other origin', () => {
    expect(isTrustedSender({ frameUrl: null, isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://console/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://console/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://evil/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'file:///index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'not a url', isTopFrame: true })).toBe(false);
  });
});
