import type { WireEvent } from './wire-format';

export const DEFAULT_EVENT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** One stored event, plus the organization it concerns (for the `organization_id` filter). */
export interface StoredEvent {
  wire: WireEvent;
  organizationId: string | null;
  createdAtMs: number;
}

export interface EventQuery {
  events: ReadonlySet<string>;
  organizationId?: string;
  after?: string;
  rangeStartMs?: number;
  rangeEndMs?: number;
  limit: number;
}

/**
 * Append-only event log, oldest first. Ids are monotonic, so an `after` cursor is compared by id and still works
 * when the event it names has aged out. Events older than the retention window are dropped.
 */
export class EventLog {
  private events: StoredEvent[] = [];
  retentionMs: number;
  maxEvents: number;

  constructor(
    private readonly now: () => number,
    options: { retentionMs?: number; maxEvents?: number } = {},
  ) {
    this.retentionMs = options.retentionMs ?? DEFAULT_EVENT_RETENTION_MS;
    this.maxEvents = options.maxEvents ?? 2_000_000;
  }

  append(event: StoredEvent): void {
    this.events.push(event);
    if (this.events.length > this.maxEvents) this.events.splice(0, this.events.length - this.maxEvents);
  }

  /** Drops events older than the retention window. */
  prune(): void {
    const cutoff = this.now() - this.retentionMs;
    let drop = 0;
    while (drop < this.events.length && (this.events[drop] as StoredEvent).createdAtMs < cutoff) drop += 1;
    if (drop > 0) this.events.splice(0, drop);
  }

  get size(): number {
    return this.events.length;
  }

  all(): WireEvent[] {
    this.prune();
    return this.events.map((event) => event.wire);
  }

  query(query: EventQuery): { data: WireEvent[]; hasMore: boolean } {
    this.prune();
    let start = 0;
    if (query.after !== undefined) {
      const after = query.after;
      start = upperBound(this.events, (event) => event.wire.id <= after);
    } else if (query.rangeStartMs !== undefined) {
      const rangeStart = query.rangeStartMs;
      start = upperBound(this.events, (event) => event.createdAtMs < rangeStart);
    }
    const data: WireEvent[] = [];
    for (let i = start; i < this.events.length; i += 1) {
      const event = this.events[i] as StoredEvent;
      if (query.rangeEndMs !== undefined && event.createdAtMs > query.rangeEndMs) break;
      if (!query.events.has(event.wire.event)) continue;
      if (query.organizationId !== undefined && event.organizationId !== query.organizationId) continue;
      if (data.length === query.limit) return { data, hasMore: true };
      data.push(event.wire);
    }
    return { data, hasMore: false };
  }
}

/** First index whose element does not satisfy `before` (elements satisfying it form a prefix). */
function upperBound<T>(items: T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(items[mid] as T)) low = mid + 1;
    else high = mid;
  }
  return low;
}
