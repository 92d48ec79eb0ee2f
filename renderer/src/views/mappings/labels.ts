/** Words for the inferred mappings: each status, and where the assumed default role comes from. */
import type { GroupRow } from '../../../../preload/api';
import type { DefaultRole } from '../../state/mappings';

export const STATUS_LABELS: Record<GroupRow['inference']['status'], { label: string; meaning: string }> = {
  determined: { label: 'Determined', meaning: 'Exactly one mapping fits every observation.' },
  ambiguous: { label: 'Ambiguous', meaning: 'Several mappings fit what the cache shows; all are listed.' },
  inconsistent: {
    label: 'Inconsistent',
    meaning: 'No mapping fits: stale data, or a WorkOS setting the model does not know.',
  },
  not_computed: { label: 'Not computed', meaning: 'Not inferred yet: sync the team.' },
};

export const DEFAULT_SOURCE_WORDS: Record<DefaultRole['source'], string> = {
  pinned: 'pinned by an admin in this console',
  users_without_groups: 'guessed from users who are in no group',
  workos_default: 'guessed: the organization has WorkOS’s usual default role',
  gem_convention: 'guessed: Gem’s convention (Standard)',
  lowest_held: 'guessed: the lowest-priority role anyone holds',
  unknown: 'unknown: not enough data to guess',
};
