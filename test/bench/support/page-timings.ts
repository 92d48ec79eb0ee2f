/**
 * Where the time of a full sync goes, page by page, for `GET /directory_users`: the client call (limiter wait +
 * HTTP + SDK parsing + mapping), the HTTP part alone (request to response headers), the period between two calls'
 * starts, and the gap between a call's end and the next call's start (the engine's write of the page, its
 * checkpoint and progress). Paced at 4/s the period should be (1000 + 25) / 4 = 256.25 ms; a larger one means the
 * loop itself (HTTP + processing) is slower than the pacing.
 */
import { performance } from 'node:perf_hooks';
import type { WorkosClient } from '../../../main/core/workos/client';

export interface Distribution {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export interface UserPageTimings {
  call: Distribution;
  http: Distribution;
  period: Distribution;
  gap: Distribution;
  /**
   * Spans of five consecutive sends (send[i + 4] − send[i]): at 4/s per directory a span under 1000 ms puts five
   * requests in one second as the client sent them — a 429 waiting to happen whatever the network does.
   */
  fiveSendSpan: Distribution;
  fiveSendSpansUnder1s: number;
}

function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? 0,
    mean: sorted.length === 0 ? 0 : sum / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export class PageTimer {
  private calls: { start: number; end: number }[] = [];
  private http: number[] = [];
  private sends: number[] = [];

  /** A fetch that times `/directory_users` requests up to the response headers. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!new URL(url).pathname.endsWith('/directory_users')) return fetch(input, init);
    const started = performance.now();
    this.sends.push(started);
    const response = await fetch(input, init);
    this.http.push(performance.now() - started);
    return response;
  };

  /** The client with `listUsersPage` timed. */
  wrap(client: WorkosClient): WorkosClient {
    return {
      ...client,
      listUsersPage: async (input) => {
        const start = performance.now();
        try {
          return await client.listUsersPage(input);
        } finally {
          this.calls.push({ start, end: performance.now() });
        }
      },
    };
  }

  reset(): void {
    this.calls = [];
    this.http = [];
    this.sends = [];
  }

  timings(): UserPageTimings {
    const periods: number[] = [];
    const gaps: number[] = [];
    for (let i = 1; i < this.calls.length; i += 1) {
      const previous = this.calls[i - 1];
      const current = this.calls[i];
      if (previous === undefined || current === undefined) continue;
      periods.push(current.start - previous.start);
      gaps.push(current.start - previous.end);
    }
    const spans: number[] = [];
    for (let i = 4; i < this.sends.length; i += 1)
      spans.push((this.sends[i] ?? 0) - (this.sends[i - 4] ?? 0));
    return {
      fiveSendSpan: distribution(spans),
      fiveSendSpansUnder1s: spans.filter((span) => span < 1000).length,
      call: distribution(this.calls.map((c) => c.end - c.start)),
      http: distribution(this.http),
      period: distribution(periods),
      gap: distribution(gaps),
    };
  }
}

/** Flat metrics for a BenchReport, in ms with one decimal. */
export function pageTimingMetrics(timings: UserPageTimings, paced: boolean): Record<string, number> {
  const r = (value: number) => Math.round(value * 10) / 10;
  return {
    user_page_period_mean_ms: r(timings.period.mean),
    user_page_period_p95_ms: r(timings.period.p95),
    user_page_call_mean_ms: r(timings.call.mean),
    user_page_http_mean_ms: r(timings.http.mean),
    user_page_http_p95_ms: r(timings.http.p95),
    user_page_gap_mean_ms: r(timings.gap.mean),
    user_page_gap_p95_ms: r(timings.gap.p95),
    user_page_gap_max_ms: r(timings.gap.max),
    // Only meaningful when the client paces 4/s per directory.
    ...(paced
      ? {
          user_page_five_send_span_min_ms: r(timings.fiveSendSpan.min),
          user_page_five_send_spans_under_1s: timings.fiveSendSpansUnder1s,
        }
      : {}),
  };
}
