import type { ConsumptionRecord, DependencyRecord, SecretRecord } from "@/lib/sync/snapshot-data";
import { computePropagation, type ConsumerPropagation } from "./compute-propagation";
import { transitiveDependents, type ReverseDependencyIndex } from "./transitive-dependents";

export interface BrokenConsumer {
  workloadKey: string;
  until: "restart" | "next run" | "resync";
  why: string;
}

export interface BrokenDependent {
  workloadKey: string;
  /** Chain from the broken consumer: [consumer, ..., workloadKey]. */
  via: string[];
  why: string;
}

export interface WhatBreaks {
  consumers: BrokenConsumer[];
  dependents: BrokenDependent[];
}

const UNTIL: Record<Exclude<ConsumerPropagation["waitsFor"], "timer">, BrokenConsumer["until"]> = { restart: "restart", "next-run": "next run", "manual-resync": "resync" };

/**
 * If the old value stops working the moment it is rotated: consumers that keep it until they
 * restart (or are resynced), CI/Job consumers until their next run, and every workload that
 * depends on one of those, transitively (with the chain that explains it). Timer-refreshed hot consumers recover on their own and
 * are covered by the propagation time instead.
 */
export function whatBreaks(secret: SecretRecord, consumptions: readonly ConsumptionRecord[], dependencies: readonly DependencyRecord[] | ReverseDependencyIndex): WhatBreaks {
  const consumers: BrokenConsumer[] = [];
  const seen = new Set<string>();
  for (const c of computePropagation(consumptions, secret).consumers) {
    if (c.waitsFor === "timer" || seen.has(c.workloadKey)) continue;
    seen.add(c.workloadKey);
    consumers.push({ workloadKey: c.workloadKey, until: UNTIL[c.waitsFor], why: `${c.mechanism}: ${c.note}` });
  }
  const untilOf = new Map(consumers.map((c) => [c.workloadKey, c.until]));
  const dependents = transitiveDependents([...untilOf.keys()], dependencies).map((d) => {
    const chain = [...d.via.slice(0, -1)].reverse().join(" -> ");
    return { workloadKey: d.workloadKey, via: d.via, why: `depends on ${chain}, which keeps the old value until ${untilOf.get(d.via[0] as string)}` };
  });
  return { consumers, dependents };
}
