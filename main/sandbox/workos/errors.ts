/** Errors the WorkOS stand-in's state raises; the HTTP layer maps them to WorkOS-shaped bodies. */
export type SandboxErrorKind = 'not_found' | 'conflict' | 'invalid';

export class WorkosSandboxError extends Error {
  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
    /** WorkOS error `code`, e.g. `entity_not_found`, `organization_role_slug_conflict`. */
    readonly code?: string,
    readonly entityId?: string,
    /** Field errors for 422 answers. */
    readonly errors?: { field: string; code: string }[],
  ) {
    super(message);
    this.name = 'WorkosSandboxError';
  }
}

export function notFound(entity: string, id: string): WorkosSandboxError {
  return new WorkosSandboxError('not_found', `${entity} not found: '${id}'.`, 'entity_not_found', id);
}
