/**
 * Seeded randomness for the demo university. Everything the generator writes comes from
 * here, so the same seed gives the same database byte for byte (password hashes aside).
 *
 * Each part of the generator draws from its own stream (`new Rng(seed, 'staff')`), so adding
 * students does not shift the staff, and a change in one stage does not reshuffle the others.
 */

/** cyrb128: a small string hash that spreads a seed and a stream label over 128 bits. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Small Fast Counting): fast, 128-bit state, passes PractRand; integer-only, so portable. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(`${seed}/${stream}`);
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** uniform integer in [min, max], both inclusive */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** picks by relative weight: weighted([['a', 3], ['b', 1]]) gives 'a' three times as often */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1]![0];
  }

  /** Fisher–Yates on a copy */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex16(n: number): string {
  return HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
}

function hex32(n: number): string {
  return hex16(n >>> 16) + hex16(n & 0xffff);
}

/**
 * UUIDv7-layout ids built from the seed instead of the clock (RFC 9562 §5.7): a 48-bit
 * timestamp from a fixed base, the 12-bit `rand_a` used as a counter within the millisecond
 * (RFC 9562 §6.2, method 1), and 62 random bits from the seeded stream. Ids are unique by
 * construction (timestamp + counter never repeat) and sort in generation order.
 */
export class IdFactory {
  private counter = 0;
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly baseMs: number,
  ) {
    this.rng = new Rng(seed, 'ids');
  }

  next(): string {
    const n = this.counter++;
    const ms = this.baseMs + Math.floor(n / 4096);
    const seq = n % 4096;
    const r1 = this.rng.uint32();
    const r2 = this.rng.uint32();
    const msHigh = Math.floor(ms / 65536);
    return (
      `${hex32(msHigh)}-${hex16(ms % 65536)}-` +
      `${hex16(0x7000 | seq)}-${hex16(0x8000 | (r1 & 0x3fff))}-` +
      `${hex16(r1 >>> 16)}${hex32(r2)}`
    );
  }
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), so the
 * parts always add up to exactly `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((p, q) => q.frac - p.frac || p.i - q.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}
