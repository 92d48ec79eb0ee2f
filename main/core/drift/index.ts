export { computeDrift } from './compute-drift';
export { DRIFT_KINDS } from './types';
export type {
  DirectoryUserRecord,
  DriftFinding,
  DriftInput,
  DriftKind,
  DriftReport,
  GemMemberRecord,
  JoinedBy,
} from './types';
