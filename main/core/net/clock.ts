/**
 * Time source for pacing and retries. Injectable so unit tests run on virtual time.
 * The system clock is monotonic (performance.now), so a wall-clock jump never lets a request out early.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences matter. */
  now(): number;
  /** Resolves after at least `ms` milliseconds (callers re-check `now()`: timers may fire a little early). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.ceil(ms)))),
};

/** Sleeps until `clock.now() >= target`, looping because a timer may wake up a millisecond early. */
export async function sleepUntil(clock: Clock, target: number): Promise<void> {
  for (let now = clock.now(); now < target; now = clock.now()) {
    await clock.sleep(target - now);
  }
}
