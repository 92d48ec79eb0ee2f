/** The admin reviewer's verdicts on inferred mappings: local, offline, exported on demand. */
import os from 'node:os';
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { currentReviews, exportReview, recordReview } from '../reviews/mapping-reviews';
import { IDENTITY_KEY } from '../session/profile-session';

/** Who signs a review: the Gem identity when it answers quickly, else the last one seen, else the OS user. */
async function reviewer(context: CoreContext): Promise<string> {
  const session = context.session();
  const quick = await Promise.race([
    session.identity().then(
      (me) => me.email,
      () => null,
    ),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500)),
  ]);
  return quick ?? session.requireStore().syncState.get(IDENTITY_KEY) ?? `${os.userInfo().username} (offline)`;
}

export function reviewHandlers(context: CoreContext): Handlers['reviews'] {
  const store = () => context.session().requireStore();
  return {
    record: async ({ teamId, groupId, verdict, note }) =>
      recordReview(store(), { teamId, groupId, verdict, note, reviewer: await reviewer(context) }),
    list: async ({ teamId }) => ({ rows: currentReviews(store(), teamId) }),
    export: async ({ teamId, format }) => exportReview(store(), teamId, format),
  };
}
