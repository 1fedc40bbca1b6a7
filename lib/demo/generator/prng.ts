import { createHash } from "node:crypto";

/**
 * Small seeded PRNG (sfc32). Every plane forks its own stream by label, so adding a draw in one plane
 * never reshuffles another plane's output: output stays stable and diffs stay small.
 */
export interface Rng {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], n: number): T[];
  hex(bytes: number): string;
  bytes(n: number): Buffer;
  uuid(): string;
  fork(label: string): Rng;
}

export function createRng(seed: number | string, label = "root"): Rng {
  const digest = createHash("sha256").update(`${seed}\u0000${label}`).digest();
  let a = digest.readUInt32LE(0), b = digest.readUInt32LE(4), c = digest.readUInt32LE(8), d = digest.readUInt32LE(12);
  const next32 = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // warm-up: decorrelate close seeds
  const rng: Rng = {
    next: () => next32() / 4294967296,
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    chance: (p) => rng.next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from empty list");
      return items[Math.floor(rng.next() * items.length)] as (typeof items)[number];
    },
    sample: (items, n) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy.slice(0, Math.min(n, copy.length));
    },
    bytes: (n) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i += 4) {
        const v = next32();
        for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = (v >>> (8 * k)) & 0xff;
      }
      return out;
    },
    hex: (n) => rng.bytes(n).toString("hex"),
    uuid: () => {
      const h = rng.hex(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    fork: (sub) => createRng(seed, `${label}/${sub}`),
  };
  return rng;
}
