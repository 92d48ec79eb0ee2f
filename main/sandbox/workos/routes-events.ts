import { jsonResult } from '../http/result';
import type { Router } from '../http/router';
import { validationFailed } from './http-errors';
import { parseLimit } from './pagination';
import type { WorkosRouteDeps } from './route-deps';

const MAX_RANGE_MS = 30 * 24 * 60 * 60 * 1000;

/** `GET /events` (contract §2): oldest first, `events` filter required, `after` xor `range_start`. */
export function addEventRoutes(router: Router, { state }: WorkosRouteDeps): void {
  router.get('/events', (ctx) => {
    const names = ctx.query.getList('events');
    if (names.length === 0) {
      return jsonResult(400, {
        message:
          'One or more event names (e.g. dsync.user.created) must be provided using the events parameter.',
        code: 'invalid_events_request',
      });
    }
    const limit = parseLimit(ctx.query.get('limit'));
    if (limit === undefined)
      return validationFailed([{ field: 'limit', code: 'limit must be an integer between 1 and 100' }]);
    const after = ctx.query.get('after');
    const rangeStartRaw = ctx.query.get('range_start');
    const rangeEndRaw = ctx.query.get('range_end');
    if (after !== undefined && rangeStartRaw !== undefined) {
      return jsonResult(422, {
        message: 'The after and range_start parameters are mutually exclusive.',
        code: 'invalid_request_parameters',
      });
    }
    const rangeStartMs = parseTime(rangeStartRaw);
    const rangeEndMs = parseTime(rangeEndRaw);
    if (Number.isNaN(rangeStartMs) || Number.isNaN(rangeEndMs)) {
      return jsonResult(422, {
        message: 'range_start and range_end must be ISO-8601 timestamps.',
        code: 'invalid_request_parameters',
      });
    }
    if (rangeStartMs !== undefined && rangeEndMs !== undefined && rangeEndMs - rangeStartMs > MAX_RANGE_MS) {
      return jsonResult(422, {
        message: 'The requested range may span at most 30 days.',
        code: 'invalid_request_parameters',
      });
    }
    const result = state.events.query({
      events: new Set(names),
      organizationId: ctx.query.get('organization_id'),
      after,
      rangeStartMs,
      rangeEndMs,
      limit,
    });
    const last = result.data[result.data.length - 1];
    return jsonResult(200, {
      object: 'list',
      data: result.data,
      list_metadata: { after: result.hasMore && last ? last.id : null },
    });
  });
}

function parseTime(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  return Date.parse(raw);
}
