/** Human words for each kind of drift between Gem members and directory users. */
import type { DriftReport } from '../../../../preload/api';

export type DriftKind = DriftReport['findings'][number]['kind'];

export const DRIFT_KINDS: Record<DriftKind, { label: string; meaning: string }> = {
  not_provisioned: {
    label: 'Not provisioned',
    meaning: 'Active in the directory, but no Gem member yet.',
  },
  should_be_deprovisioned: {
    label: 'Should be deprovisioned',
    meaning: 'Inactive or suspended in the directory, still active in Gem.',
  },
  role_differs: {
    label: 'Role differs',
    meaning: 'The Gem role is not the one the directory’s role gives.',
  },
  email_differs: {
    label: 'Email differs',
    meaning: 'Gem and the directory have different emails for the same person.',
  },
  not_scim_managed: {
    label: 'Not SCIM-managed',
    meaning: 'Added by hand in Gem; not in the directory, so SCIM does not manage it.',
  },
};

export const DRIFT_KIND_ORDER = Object.keys(DRIFT_KINDS) as DriftKind[];
