import { systemClock, sleepUntil, type Clock } from './clock';

/** "At most `limit` requests in any `windowMs` window", as the server counts it. */
export interface BucketRule {
  limit: number;
  windowMs: number;
}

export interface RateLimiterOptions {
  /** The rule for a bucket name (e.g. `workos:dir:directory_01…` → 4 per 1000 ms); undefined means unknown. */
  ruleFor: (bucket: string) => BucketRule | undefined;
  /**
   * Extra milliseconds added to each window. Requests leave evenly spaced by (windowMs + margin) / limit, so any
   * window of windowMs — open or closed, sliding or clock-aligned — holds at most `limit` sends; and each one keeps
   * counting until windowMs + margin after its answer (see acquire), which covers delays on the way.
   */
  safetyMarginMs?: number;
  /**
   * From when a request counts against its bucket. `answer` (default): until windowMs + margin after its answer —
   * strict whatever the network delays, but a slow answer costs throughput. `send`: until windowMs + margin after
   * it left — full throughput (what the sync needs to stay near the floor the limits allow); the margin must cover
   * the jitter between our send and the server's stamp, and a rare 429 is honoured through Retry-After.
   */
  holdFrom?: 'answer' | 'send';
  clock?: Clock;
}

export const DEFAULT_SAFETY_MARGIN_MS = 50;

interface Slot {
  /** Reserved send time. */
  at: number;
  /** Set when the request was actually let out. */
  sent: boolean;
  /**
   * When it actually left: later than `at` when the timer fired late. Counting from the booked time instead
   * would let the next requests leave closer than the window to this one.
   */
  sentAt: number | null;
  /** When its answer (or failure) came back; null while in flight. */
  doneAt: number | null;
}

interface BucketState {
  /** Slots by send time, ascending; each pair at least `interval` apart. */
  slots: Slot[];
  pausedUntil: number;
  interval: number;
  limit: number;
  /** windowMs + margin: how long after its answer (or send, see holdFrom) a request still counts. */
  holdMs: number;
  holdFrom: 'answer' | 'send';
}

/** Handed out by acquire(); call done() once the answer (or the failure) has come back. */
export interface Permit {
  done(): void;
}

/**
 * Builds a rule lookup from bucket-name prefixes; the longest matching prefix wins.
 * E.g. `{ 'workos:key': {limit: 100, windowMs: 1000}, 'workos:dir:': {limit: 4, windowMs: 1000} }`.
 */
export function rulesByPrefix(
  rules: Readonly<Record<string, BucketRule>>,
): (bucket: string) => BucketRule | undefined {
  const prefixes = Object.keys(rules).sort((a, b) => b.length - a.length);
  return (bucket) => {
    const prefix = prefixes.find((p) => bucket.startsWith(p));
    return prefix === undefined ? undefined : rules[prefix];
  };
}

/**
 * Paces requests per bucket so none leaves early. A request may need several buckets at once (a directory's
 * `/directory_users` budget and the key-wide budget); it gets the earliest time that fits all of them, without
 * pushing back requests that only need one of them (no head-of-line blocking across buckets).
 *
 * Why even spacing rather than a burst window: a server may count in sliding or in clock-aligned windows, with
 * inclusive or exclusive edges; evenly spaced requests with a margin satisfy every one of those readings.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  private readonly clock: Clock;
  private readonly ruleFor: (bucket: string) => BucketRule | undefined;
  private readonly marginMs: number;
  private readonly holdFrom: 'answer' | 'send';

  constructor(options: RateLimiterOptions) {
    this.holdFrom = options.holdFrom ?? 'answer';
    this.clock = options.clock ?? systemClock;
    this.ruleFor = options.ruleFor;
    this.marginMs = options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
    if (!(this.marginMs >= 0)) throw new RangeError('safetyMarginMs must be >= 0');
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Resolves when a request needing all `bucketNames` may be sent; the caller sends it right away and calls
   * `permit.done()` when its answer arrives (prefer `schedule`, which does both).
   *
   * Two rules, both per bucket. Spacing: sends are at least (windowMs + margin) / limit apart. Window: a request
   * counts against its bucket from its send until windowMs + margin after its answer, and at most `limit - 1`
   * others may count when a new one leaves. The server stamps each arrival somewhere between our send and our
   * receipt of its answer, so whatever the network delays, no window of windowMs it measures holds more than
   * `limit` requests (a slow first request on a new connection can no longer bunch up behind the next ones).
   */
  async acquire(bucketNames: readonly string[]): Promise<Permit> {
    const states = [...new Set(bucketNames)].map((name) => this.state(name));
    for (;;) {
      const slot: Slot = { at: this.reserve(states), sent: false, sentAt: null, doneAt: null };
      for (const s of states) insertSlot(s, slot);
      await sleepUntil(this.clock, slot.at);
      const now = this.clock.now();
      // A 429 may have paused a bucket while we slept, or answers may be slower than the spacing assumed.
      const blockedUntil = Math.max(
        ...states.map((s) => s.pausedUntil),
        ...states.map((s) => windowFreeAt(s, now, slot)),
      );
      if (blockedUntil <= now) {
        slot.sent = true;
        slot.sentAt = now;
        return { done: () => this.finish(slot) };
      }
      for (const s of states) removeSlot(s, slot);
      if (blockedUntil === Number.POSITIVE_INFINITY) await this.nextCompletion();
      else await sleepUntil(this.clock, blockedUntil);
    }
  }

  /** Runs `fn` once all buckets allow it, and records when its answer came back. */
  async schedule<T>(bucketNames: readonly string[], fn: () => Promise<T>): Promise<T> {
    const permit = await this.acquire(bucketNames);
    try {
      return await fn();
    } finally {
      permit.done();
    }
  }

  /** Holds every request of `bucket` until `time` (on this limiter's clock); nothing leaves before it. */
  pauseUntil(bucket: string, time: number): void {
    const s = this.state(bucket);
    s.pausedUntil = Math.max(s.pausedUntil, time);
  }

  /** Same as pauseUntil(bucket, now + ms): what a 429's Retry-After asks for. */
  pauseFor(bucket: string, ms: number): void {
    this.pauseUntil(bucket, this.clock.now() + Math.max(0, ms));
  }

  /** The time before which `bucket` sends nothing (0 when not paused). */
  pausedUntil(bucket: string): number {
    return this.buckets.get(bucket)?.pausedUntil ?? 0;
  }

  private completion: { promise: Promise<void>; resolve: () => void } | null = null;

  private finish(slot: Slot): void {
    if (slot.doneAt !== null) return;
    slot.doneAt = this.clock.now();
    const waiting = this.completion;
    this.completion = null;
    waiting?.resolve();
  }

  /** Resolves when any request of this limiter completes (a window blocked by in-flight requests may free up). */
  private nextCompletion(): Promise<void> {
    if (this.completion === null) {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.completion = { promise, resolve };
    }
    return this.completion.promise;
  }

  private state(name: string): BucketState {
    let s = this.buckets.get(name);
    if (s === undefined) {
      const rule = this.ruleFor(name);
      if (rule === undefined) throw new Error(`No rate-limit rule for bucket "${name}"`);
      if (!(rule.limit >= 1) || !(rule.windowMs > 0))
        throw new RangeError(`Invalid rate-limit rule for "${name}"`);
      s = {
        slots: [],
        pausedUntil: 0,
        interval: (rule.windowMs + this.marginMs) / rule.limit,
        limit: rule.limit,
        holdMs: rule.windowMs + this.marginMs,
        holdFrom: this.holdFrom,
      };
      this.buckets.set(name, s);
    }
    return s;
  }

  /** The earliest time that respects every bucket's spacing and pause (the caller books it). */
  private reserve(states: readonly BucketState[]): number {
    const now = this.clock.now();
    for (const s of states) prune(s, now);
    let t = Math.max(now, ...states.map((s) => s.pausedUntil));
    for (let moved = true; moved;) {
      moved = false;
      for (const s of states) {
        const earliest = earliestFree(s, t);
        if (earliest > t) {
          t = earliest;
          moved = true;
        }
      }
    }
    return t;
  }
}

/** Answered requests whose hold has expired can no longer constrain anything. */
function prune(s: BucketState, now: number): void {
  s.slots = s.slots.filter((slot) => {
    const end = holdEnd(s, slot);
    return end === Number.POSITIVE_INFINITY || end + s.interval > now;
  });
}

/** Until when a sent request counts against its bucket (+Infinity while in flight, when counted from the answer). */
function holdEnd(s: BucketState, slot: Slot): number {
  if (s.holdFrom === 'send') return (slot.sentAt ?? slot.at) + s.holdMs;
  return slot.doneAt === null ? Number.POSITIVE_INFINITY : slot.doneAt + s.holdMs;
}

/** Earliest t' >= t at least `interval` away from every booked slot (they are sorted and spaced). */
function earliestFree(s: BucketState, t: number): number {
  let candidate = t;
  for (const { at } of s.slots) {
    if (at + s.interval <= candidate) continue;
    if (at - s.interval >= candidate) break;
    candidate = at + s.interval;
  }
  return candidate;
}

/**
 * When a new request may leave without making `limit` requests count at once: `now` if it may, the time the
 * oldest hold expires if all blockers have answered, or +Infinity while a blocker is still in flight.
 */
function windowFreeAt(s: BucketState, now: number, self: Slot): number {
  const holdsUntil = s.slots
    .filter((slot) => slot !== self && slot.sent)
    .map((slot) => holdEnd(s, slot))
    .filter((until) => until > now)
    .sort((a, b) => a - b);
  const excess = holdsUntil.length - (s.limit - 1);
  if (excess <= 0) return now;
  return holdsUntil[excess - 1] ?? Number.POSITIVE_INFINITY;
}

function insertSlot(s: BucketState, slot: Slot): void {
  let i = s.slots.length;
  while (i > 0 && (s.slots[i - 1]?.at ?? Number.NEGATIVE_INFINITY) > slot.at) i--;
  s.slots.splice(i, 0, slot);
}

function removeSlot(s: BucketState, slot: Slot): void {
  const i = s.slots.indexOf(slot);
  if (i >= 0) s.slots.splice(i, 1);
}
