/** Profiles: list, create, edit, switch and remove (after the user confirmed by repeating the name). */
import { AppError } from '../errors';
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';

export function profileHandlers(context: CoreContext): Handlers['profiles'] {
  const changed = (): void =>
    context.events.profiles.changed({ activeProfileId: context.profiles.activeProfileId });
  return {
    list: async () => ({
      activeProfileId: context.profiles.activeProfileId,
      profiles: context.profiles.list(),
    }),
    create: async (input) => {
      const profile = context.profiles.create(input);
      changed();
      return profile;
    },
    update: async ({ id, patch }) => {
      const profile = context.profiles.update(id, patch);
      if (id === context.session().profile.id) await context.switchProfile(id);
      changed();
      return profile;
    },
    activate: async ({ id }) => {
      const profile = context.profiles.setActive(id);
      await context.switchProfile(id);
      changed();
      return profile;
    },
    remove: async ({ id, confirmName }) => {
      const profile = context.profiles.get(id);
      if (confirmName !== profile.name) {
        throw new AppError(
          'invalid_input',
          `To remove "${profile.name}", type its name exactly; nothing was removed.`,
        );
      }
      // The profile's database must be closed before its file is deleted.
      if (id === context.session().profile.id) await context.closeSession();
      const { removed, activeProfileId } = await context.profiles.remove(id);
      await context.switchProfile(activeProfileId);
      changed();
      return { removedId: removed.id, activeProfileId };
    },
  };
}
