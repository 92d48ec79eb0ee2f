import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';

export function appHandlers(context: CoreContext): Handlers['app'] {
  return {
    status: async () => {
      const profile = context.profiles.active();
      return {
        appVersion: context.config.appVersion,
        host: context.config.host,
        dataDir: context.config.dataDir,
        profile: { id: profile.id, name: profile.name, kind: profile.kind },
        coreStartedAt: context.startedAt.toISOString(),
        nodeVersion: process.versions.node,
      };
    },
  };
}
