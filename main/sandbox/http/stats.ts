/** Request counters by route and status, for tests and benchmarks. */
export interface RouteStats {
  total: number;
  byStatus: Record<string, number>;
}

export interface FaultCounts {
  injected429: number;
  injected5xx: number;
  resets: number;
  malformed: number;
  wrongContentType: number;
}

export interface HttpStats {
  total: number;
  /** Keyed by `METHOD pattern`, e.g. `GET /directory_users`; unmatched requests count under `METHOD (unmatched)`. */
  byRoute: Record<string, RouteStats>;
  byStatus: Record<string, number>;
  faults: FaultCounts;
}

export class RequestStats {
  private data: HttpStats = RequestStats.empty();

  private static empty(): HttpStats {
    return {
      total: 0,
      byRoute: {},
      byStatus: {},
      faults: { injected429: 0, injected5xx: 0, resets: 0, malformed: 0, wrongContentType: 0 },
    };
  }

  record(routeKey: string, status: number): void {
    this.data.total += 1;
    const route = (this.data.byRoute[routeKey] ??= { total: 0, byStatus: {} });
    route.total += 1;
    const code = String(status);
    route.byStatus[code] = (route.byStatus[code] ?? 0) + 1;
    this.data.byStatus[code] = (this.data.byStatus[code] ?? 0) + 1;
  }

  recordFault(kind: keyof FaultCounts): void {
    this.data.faults[kind] += 1;
  }

  snapshot(): HttpStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = RequestStats.empty();
  }
}
