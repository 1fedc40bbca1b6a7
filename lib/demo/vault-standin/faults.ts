/**
 * Fault injection. Rate-based faults draw from a seeded PRNG (mulberry32) when a seed is given,
 * so a fault test sees the same failures on every run; without a seed they use Math.random.
 */
import type { FaultConfig, RecordedRequest } from "./types";

export type FaultDecision = RecordedRequest["fault"];

export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;

  constructor(config: FaultConfig | undefined) {
    this.set(config ?? {});
  }

  set(config: FaultConfig): void {
    this.config = { ...config };
    this.random = config.seed === undefined ? Math.random : mulberry32(config.seed);
  }

  get latencyMs(): number {
    return Math.max(0, this.config.latencyMs ?? 0);
  }

  get sealed(): boolean {
    return this.config.sealed === true;
  }

  /** Decided once per request, in arrival order, so seeded runs are reproducible. */
  decide(path: string): FaultDecision {
    const c = this.config;
    if (c.down) return "down";
    if (c.failPaths) {
      c.failPaths.lastIndex = 0; // a /g regex keeps state between calls
      if (c.failPaths.test(path)) return "failPath";
    }
    // Always draw both numbers so one rate does not shift the other's sequence.
    const errorDraw = this.random();
    const malformedDraw = this.random();
    if (c.errorRate && errorDraw < c.errorRate) return "error";
    if (c.malformedJsonRate && malformedDraw < c.malformedJsonRate) return "malformed";
    return null;
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
