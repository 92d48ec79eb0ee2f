import { randomBytes } from 'node:crypto';

export const PORTAL_LINK_LIFETIME_MS = 5 * 60 * 1000;

export const PORTAL_INTENTS = [
  'sso',
  'dsync',
  'audit_logs',
  'log_streams',
  'domain_verification',
  'certificate_renewal',
  'bring_your_own_key',
] as const;

interface PortalLink {
  organizationId: string;
  intent: string;
  expiresAt: number;
}

/** Admin Portal links: opaque tokens that expire five minutes after issuance (contract §3). */
export class PortalLinks {
  private readonly links = new Map<string, PortalLink>();

  constructor(private readonly now: () => number) {}

  issue(organizationId: string, intent: string): string {
    const token = randomBytes(18).toString('base64url');
    this.links.set(token, { organizationId, intent, expiresAt: this.now() + PORTAL_LINK_LIFETIME_MS });
    return token;
  }

  resolve(
    token: string,
  ): { status: 'valid'; link: PortalLink } | { status: 'expired' } | { status: 'unknown' } {
    const link = this.links.get(token);
    if (!link) return { status: 'unknown' };
    if (link.expiresAt <= this.now()) return { status: 'expired' };
    return { status: 'valid', link };
  }
}
