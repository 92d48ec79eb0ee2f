import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';

export function appHandlers(context: CoreContext): Handlers['app'] {
  return {
    status: async () => ({
      appVersion: context.config.appVersion,
      host: context.config.host,
      dataDir: context.config.dataDir,
      profile: { id: 'sandbox', name: 'Sandbox', kind: 'sandbox' },
      coreStartedAt: context.startedAt.toISOString(),
      nodeVersion: process.versions.node,
    }),
  };
}
