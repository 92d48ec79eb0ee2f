export { inferGroupRoles } from './infer-group-roles';
export type {
  Candidate,
  DefaultOrNone,
  GroupInference,
  InferenceGroup,
  InferenceInput,
  InferenceStatus,
  InferenceUser,
  RoleExplanation,
  RoleInference,
} from './types';
