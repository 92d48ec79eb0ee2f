import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { SANDBOX_PROFILE_ID } from '../profiles';

export function appHandlers(context: CoreContext): Handlers['app'] {
  return {
    status: async () => {
      const session = context.session();
      const { profile } = session;
      const notices = [...session.notices];
      let readOnly = false;
      if (session.problem) {
        notices.push(session.problem);
        readOnly = true;
      }
      if (profile.id !== SANDBOX_PROFILE_ID) {
        const keychain = await context.keychainStatus();
        if (!keychain.available) {
          notices.push(keychain.reason);
          readOnly = true;
        }
      }
      return {
        appVersion: context.config.appVersion,
        host: context.config.host,
        dataDir: context.config.dataDir,
        profile: { id: profile.id, name: profile.name, kind: profile.kind },
        coreStartedAt: context.startedAt.toISOString(),
        nodeVersion: process.versions.node,
        notices,
        readOnly,
      };
    },
    identity: async () => {
      const me = await context.session().identity();
      return { email: me.email, name: me.name, capabilities: [...me.capabilities] };
    },
  };
}
