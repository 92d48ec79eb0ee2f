import type { Clock } from '../../../main/core/net/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Virtual time for pacing tests. `sleep` registers a timer; `run()` jumps from timer to timer, letting the
 * promise chains settle in between. `earlyByMs` makes timers fire that much before their time, like a real
 * timer can, so tests prove the code re-checks the clock instead of trusting the timer.
 */
export class FakeClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(private readonly earlyByMs = 0) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      // An early timer still moves time forward (by at least 0.5 ms), like a real one.
      const delay = this.earlyByMs === 0 ? Math.max(0, ms) : Math.max(ms - this.earlyByMs, 0.5);
      this.timers.push({ at: this.t + delay, seq: this.seq++, resolve });
    });
  }

  /** Runs timers in time order until none are left (or until virtual time would pass `until`). */
  async run(until = Number.POSITIVE_INFINITY): Promise<void> {
    await settle();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (next === undefined || next.at > until) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await settle();
    }
    if (Number.isFinite(until)) this.t = Math.max(this.t, until);
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
