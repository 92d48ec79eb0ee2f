import { type HttpResult, jsonResult } from '../http/result';
import { WorkosSandboxError } from './errors';

/** WorkOS 422 body: `{message: "Validation failed", errors: [{field, code}]}` (contract §6.3). */
export function validationFailed(errors: { field: string; code: string }[], code?: string): HttpResult {
  return jsonResult(
    422,
    code === undefined
      ? { message: 'Validation failed', errors }
      : { message: 'Validation failed', code, errors },
  );
}

export function entityNotFound(entity: string, id: string): HttpResult {
  return jsonResult(404, {
    message: `${entity} not found: '${id}'.`,
    code: 'entity_not_found',
    entity_id: id,
  });
}

/** Maps state errors to WorkOS-shaped answers; anything else becomes a JSON 500. */
export function sandboxErrorResult(error: unknown): HttpResult {
  if (!(error instanceof WorkosSandboxError)) {
    return jsonResult(500, { message: 'Internal Server Error' });
  }
  if (error.kind === 'not_found') {
    return jsonResult(404, {
      message: error.message,
      code: error.code ?? 'entity_not_found',
      entity_id: error.entityId ?? null,
    });
  }
  if (error.kind === 'conflict') {
    return jsonResult(
      409,
      error.code === undefined ? { message: error.message } : { message: error.message, code: error.code },
    );
  }
  if (error.errors !== undefined) return validationFailed(error.errors, error.code);
  return jsonResult(
    400,
    error.code === undefined ? { message: error.message } : { message: error.message, code: error.code },
  );
}
