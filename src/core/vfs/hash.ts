/**
 * FNV-1a with a 64-bit state, computed in two 32-bit halves so it runs without BigInt. 64 bits
 * keep accidental collisions negligible across the millions of snapshots a training run makes.
 */

const PRIME_LOW = 0x1b3; // the FNV-64 prime is 2^40 + 0x1b3
const TWO_32 = 4294967296;

/** An incremental FNV-1a 64 over UTF-16 code units (one unit per step, as FNV does per byte). */
export class Fnv64 {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  /** Feeds every code unit of `text`; returns this for chaining. */
  update(text: string): this {
    let { hi, lo } = this;
    for (let i = 0; i < text.length; i++) {
      lo = (lo ^ text.charCodeAt(i)) >>> 0;
      const low = lo * PRIME_LOW; // < 2^41: exact in a double
      hi = (Math.imul(hi, PRIME_LOW) + Math.floor(low / TWO_32) + (lo << 8)) >>> 0;
      lo = low >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** The hash as 16 lowercase hex digits. */
  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}
