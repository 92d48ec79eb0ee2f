/** The stand-in's records as the admin API answers them (no token, no internal fields). */
import type { GemMember, GemRole, GemStaff, GemTeam } from './state-types';

export function staffToWire(staff: GemStaff) {
  return { id: staff.id, email: staff.email, name: staff.name, capabilities: [...staff.capabilities] };
}

export function teamToWire(team: GemTeam) {
  return {
    id: team.id,
    name: team.name,
    domain: team.domain,
    plan: team.plan,
    csm: { ...team.csm },
    scim: { ...team.scim },
    created_at: team.created_at,
    updated_at: team.updated_at,
  };
}

export function memberToWire(member: GemMember) {
  return { ...member };
}

export function roleToWire(role: GemRole) {
  return {
    slug: role.slug,
    name: role.name,
    kind: role.kind,
    created_at: role.created_at,
    updated_at: role.updated_at,
    created_by: role.created_by,
    workos_sync: { ...role.workos_sync },
  };
}

export function roleSyncRequestToWire(team: GemTeam, role: GemRole) {
  return { team_id: team.id, team_name: team.name, csm: { ...team.csm }, role: roleToWire(role) };
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
