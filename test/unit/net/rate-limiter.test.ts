import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter, rulesByPrefix, type BucketRule } from '../../../main/core/net/rate-limiter';
import { FakeClock } from './fake-clock';

const RULES = rulesByPrefix({
  'workos:key': { limit: 100, windowMs: 1000 },
  'workos:dir:': { limit: 4, windowMs: 1000 },
});

/** The largest number of times that fall in one closed window [t, t + windowMs] (the strictest server reading). */
function maxInClosedWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? Infinity) < (sorted[i] ?? 0) - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Starts acquire() for each bucket list and records the virtual time at which each one is let through. */
function launch(
  limiter: RateLimiter,
  clock: FakeClock,
  requests: readonly (readonly string[])[],
): number[][] {
  const sent: number[][] = requests.map(() => []);
  requests.forEach((buckets, i) => {
    void limiter.acquire(buckets).then((permit) => {
      sent[i]?.push(clock.now());
      permit.done();
    });
  });
  return sent;
}

describe('RateLimiter', () => {
  it('counting from the send, slow answers do not slow the pace: sequential pages leave every (1000 + margin) / 4 ms', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ruleFor: RULES, clock, safetyMarginMs: 25, holdFrom: 'send' });
    const sent: number[] = [];
    // A cursor walk: each page is requested after the previous answer, and every answer takes 150 ms.
    const walk = (async () => {
      for (let page = 0; page < 12; page++) {
        await limiter.schedule(['workos:dir:d1', 'workos:key'], async () => {
          sent.push(clock.now());
          await clock.sleep(150);
        });
      }
    })();
    await clock.run();
    await walk;
    expect(sent).toHaveLength(12);
    expect(maxInClosedWindow(sent, 1000)).toBeLessThanOrEqual(4);
    // 12 sends, 11 gaps of 256.25 ms: the floor the limit allows, plus the margin, and nothing for latency.
    expect((sent.at(-1) ?? 0) - (sent[0] ?? 0)).toBeCloseTo(11 * 256.25, 6);
  });

  it('counting from the answer (strict mode), the same walk is slowed by the latency', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ruleFor: RULES, clock, safetyMarginMs: 25, holdFrom: 'answer' });
    const sent: number[] = [];
    const walk = (async () => {
      for (let page = 0; page < 12; page++) {
        await limiter.schedule(['workos:dir:d1'], async () => {
          sent.push(clock.now());
          await clock.sleep(150);
        });
      }
    })();
    await clock.run();
    await walk;
    // Each group of 4 waits for the first answer of the previous group: two extra latencies over 12 pages.
    expect((sent.at(-1) ?? 0) - (sent[0] ?? 0)).toBeCloseTo(11 * 256.25 + 2 * 150, 6);
  });

  it('lets 20 requests of one directory out at most 4 in any 1 s window, evenly spaced', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ruleFor: RULES, clock, safetyMarginMs: 50 });
    const sent = launch(
      limiter,
      clock,
      Array.from({ length: 20 }, () => ['workos:dir:d1']),
    );
    await clock.run();
    const times = sent.flat();
    expect(times).toHaveLength(20);
    expect(maxInClosedWindow(times, 1000)).toBe(4);
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted[0]).toBe(0);
    for (let i = 1; i < sorted.length; i++) {
      expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeCloseTo(262.5, 6);
    }
  });

  it('never exceeds N in any closed window, whatever the arrival pattern (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        async (limit, windowMs, margin, arrivals, earlyBy) => {
          const clock = new FakeClock(earlyBy);
          const rule: BucketRule = { limit, windowMs };
          const limiter = new RateLimiter({ ruleFor: () => rule, clock, safetyMarginMs: margin });
          const times: number[] = [];
          for (const at of [...arrivals].sort((a, b) => a - b)) {
            await clock.run(at);
            void limiter.acquire(['b']).then((permit) => {
              times.push(clock.now());
              permit.done();
            });
          }
          await clock.run();
          expect(times).toHaveLength(arrivals.length);
          expect(maxInClosedWindow(times, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with a zero margin still holds N per half-open window (back-to-back windows never exceed N)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({
      ruleFor: () => ({ limit: 4, windowMs: 1000 }),
      clock,
      safetyMarginMs: 0,
    });
    const sent = launch(
      limiter,
      clock,
      Array.from({ length: 12 }, () => ['b']),
    );
    await clock.run();
    const times = sent.flat().sort((a, b) => a - b);
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(4);
    }
  });

  it('paces a request needing two buckets by both, without holding back requests that need only one', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ruleFor: RULES, clock, safetyMarginMs: 50 });
    const dirRequests = Array.from({ length: 8 }, () => ['workos:dir:d1', 'workos:key']);
    const sentDir = launch(limiter, clock, dirRequests);
    const sentKey = launch(limiter, clock, [['workos:key'], ['workos:key']]);
    const sentOtherDir = launch(limiter, clock, [['workos:dir:d2', 'workos:key']]);
    await clock.run();
    const dirTimes = sentDir.flat();
    expect(maxInClosedWindow(dirTimes, 1000)).toBe(4);
    // Key-only and other-directory requests slot in between, 10.5 ms apart on the key bucket, not after d1's queue.
    expect(Math.max(...sentKey.flat(), ...sentOtherDir.flat())).toBeLessThan(50);
    const keyTimes = [...dirTimes, ...sentKey.flat(), ...sentOtherDir.flat()].sort((a, b) => a - b);
    for (let i = 1; i < keyTimes.length; i++) {
      expect((keyTimes[i] ?? 0) - (keyTimes[i - 1] ?? 0)).toBeGreaterThanOrEqual(10.5 - 1e-9);
    }
  });

  it('with slow answers, holds N per window however the server places each arrival in [send, answer] (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        // A closed window counts both ends: two sends exactly windowMs apart need a margin of at least 1 ms.
        fc.integer({ min: 1, max: 30 }),
        fc.array(
          fc.record({
            latency: fc.integer({ min: 0, max: 1500 }),
            where: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        async (limit, margin, requests) => {
          const clock = new FakeClock();
          const limiter = new RateLimiter({
            ruleFor: () => ({ limit, windowMs: 1000 }),
            clock,
            safetyMarginMs: margin,
          });
          const arrivals: number[] = [];
          for (const { latency, where } of requests) {
            void limiter.acquire(['b']).then(async (permit) => {
              const sentAt = clock.now();
              // The server stamps the arrival anywhere between our send and our receipt of the answer.
              arrivals.push(sentAt + where * latency);
              await clock.sleep(latency);
              permit.done();
            });
          }
          await clock.run();
          expect(arrivals).toHaveLength(requests.length);
          expect(maxInClosedWindow(arrivals, 1000)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('holds a request while the requests that fill the window are still in flight', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({
      ruleFor: () => ({ limit: 2, windowMs: 1000 }),
      clock,
      safetyMarginMs: 0,
    });
    const first = limiter.acquire(['b']);
    const second = limiter.acquire(['b']);
    const times: number[] = [];
    void limiter.acquire(['b']).then((permit) => {
      times.push(clock.now());
      permit.done();
    });
    await clock.run(3000);
    // Two requests without an answer may still reach the server at any moment: the third must wait.
    expect(times).toEqual([]);
    (await first).done();
    await clock.run(3999);
    expect(times).toEqual([]);
    await clock.run();
    expect(times).toEqual([4000]);
    (await second).done();
  });

  it('schedule() records the answer time even when the call fails', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({
      ruleFor: () => ({ limit: 1, windowMs: 1000 }),
      clock,
      safetyMarginMs: 0,
    });
    const failing = limiter.schedule(['b'], async () => {
      await clock.sleep(200);
      throw new Error('boom');
    });
    const next = limiter.schedule(['b'], async () => clock.now());
    const settled = Promise.allSettled([failing, next]);
    await clock.run();
    const [a, b] = await settled;
    expect(a.status).toBe('rejected');
    expect(b).toEqual({ status: 'fulfilled', value: 1200 });
  });

  it('holds a paused bucket to the millisecond, even with timers that fire early', async () => {
    const clock = new FakeClock(2);
    const limiter = new RateLimiter({ ruleFor: RULES, clock });
    limiter.pauseUntil('workos:dir:d1', 1234.5);
    const sent = launch(limiter, clock, [['workos:dir:d1', 'workos:key'], ['workos:key']]);
    await clock.run();
    expect(sent[0]?.[0]).toBe(1234.5);
    expect(sent[1]?.[0]).toBe(0);
  });

  it('holds requests already waiting for their slot when a 429 pause arrives meanwhile', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ruleFor: RULES, clock, safetyMarginMs: 50 });
    const sent = launch(
      limiter,
      clock,
      Array.from({ length: 4 }, () => ['workos:dir:d1']),
    );
    await clock.run(0);
    expect(sent[0]).toEqual([0]);
    // The first request got a 429 with Retry-After: 2 (seconds) at t = 10.
    await clock.run(10);
    limiter.pauseFor('workos:dir:d1', 2000);
    expect(limiter.pausedUntil('workos:dir:d1')).toBe(2010);
    await clock.run();
    const later = sent
      .slice(1)
      .flat()
      .sort((a, b) => a - b);
    expect(later).toHaveLength(3);
    expect(later[0]).toBeGreaterThanOrEqual(2010);
    expect(maxInClosedWindow(sent.flat(), 1000)).toBeLessThanOrEqual(4);
  });

  it('a shorter pause never shortens a longer one', () => {
    const limiter = new RateLimiter({ ruleFor: RULES, clock: new FakeClock() });
    limiter.pauseUntil('workos:key', 5000);
    limiter.pauseUntil('workos:key', 1000);
    expect(limiter.pausedUntil('workos:key')).toBe(5000);
  });

  it('refuses a bucket without a rule', async () => {
    const limiter = new RateLimiter({ ruleFor: RULES, clock: new FakeClock() });
    await expect(limiter.acquire(['gem:key'])).rejects.toThrow(/No rate-limit rule for bucket "gem:key"/);
  });
});
