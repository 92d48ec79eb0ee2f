/**
 * Candidate sets of all groups in one flat bitset (one row of `words` 32-bit words per group), so that propagation
 * over 1,000 groups and 100,000 member classes touches typed arrays only.
 */
export class Domains {
  readonly words: number;
  private readonly bits: Uint32Array;

  constructor(
    readonly groupCount: number,
    readonly valueCount: number,
  ) {
    this.words = Math.ceil(valueCount / 32);
    this.bits = new Uint32Array(groupCount * this.words);
    const full = Domains.maskOf(
      valueCount,
      Array.from({ length: valueCount }, (_, i) => i),
    );
    for (let g = 0; g < groupCount; g++) this.bits.set(full, g * this.words);
  }

  /** A mask (same word layout as one group's row) holding the given value indices. */
  static maskOf(valueCount: number, values: Iterable<number>): Uint32Array {
    const mask = new Uint32Array(Math.ceil(valueCount / 32));
    for (const v of values) mask[v >>> 5] = (mask[v >>> 5] ?? 0) | (1 << (v & 31));
    return mask;
  }

  has(group: number, value: number): boolean {
    return ((this.bits[group * this.words + (value >>> 5)] ?? 0) & (1 << (value & 31))) !== 0;
  }

  isEmpty(group: number): boolean {
    const base = group * this.words;
    for (let w = 0; w < this.words; w++) if (this.bits[base + w] !== 0) return false;
    return true;
  }

  intersects(group: number, mask: Uint32Array): boolean {
    const base = group * this.words;
    for (let w = 0; w < this.words; w++) if (((this.bits[base + w] ?? 0) & (mask[w] ?? 0)) !== 0) return true;
    return false;
  }

  /** Keeps only the values in `mask`; true when something was removed. */
  restrict(group: number, mask: Uint32Array): boolean {
    const base = group * this.words;
    let changed = false;
    for (let w = 0; w < this.words; w++) {
      const before = this.bits[base + w] ?? 0;
      const after = (before & (mask[w] ?? 0)) >>> 0;
      if (after !== before) {
        this.bits[base + w] = after;
        changed = true;
      }
    }
    return changed;
  }

  /** Removes the values in `mask`; true when something was removed. */
  remove(group: number, mask: Uint32Array): boolean {
    const base = group * this.words;
    let changed = false;
    for (let w = 0; w < this.words; w++) {
      const before = this.bits[base + w] ?? 0;
      const after = (before & ~(mask[w] ?? 0)) >>> 0;
      if (after !== before) {
        this.bits[base + w] = after;
        changed = true;
      }
    }
    return changed;
  }

  values(group: number): number[] {
    const out: number[] = [];
    for (let v = 0; v < this.valueCount; v++) if (this.has(group, v)) out.push(v);
    return out;
  }
}
