import { createSeededRandom, type Random } from '../http/prng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * ULID-like ids (`prefix_` + 26 Crockford base32 chars: 10 of time, 16 of randomness) that are monotonic: within
 * the same millisecond (or if the clock goes back) the random part is incremented, so ids sort by creation order.
 * The randomness is seeded, so a fixed clock gives fixed ids.
 */
export class MonotonicIdFactory {
  private lastTime = -1;
  private lastRandom: number[] = [];
  private readonly random: Random;

  constructor(
    private readonly now: () => number,
    seed = 0x5eed,
  ) {
    this.random = createSeededRandom(seed);
  }

  next(prefix: string): string {
    let time = this.now();
    if (time <= this.lastTime) {
      time = this.lastTime;
      this.increment();
    } else {
      this.lastTime = time;
      this.lastRandom = Array.from({ length: 16 }, () => Math.floor(this.random() * 32));
    }
    return `${prefix}_${encodeTime(time)}${this.lastRandom.map((digit) => CROCKFORD[digit]).join('')}`;
  }

  private increment(): void {
    for (let i = this.lastRandom.length - 1; i >= 0; i -= 1) {
      const digit = (this.lastRandom[i] as number) + 1;
      if (digit < 32) {
        this.lastRandom[i] = digit;
        return;
      }
      this.lastRandom[i] = 0;
    }
    // 80 bits overflowed within one millisecond: move the time on instead.
    this.lastTime += 1;
  }
}

function encodeTime(time: number): string {
  let value = Math.max(0, Math.floor(time));
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}
