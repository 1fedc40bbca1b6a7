import type { ConsumptionRecord, DependencyRecord, SecretRecord } from "@/lib/sync/snapshot-data";
import { computePropagation, type Propagation } from "./compute-propagation";
import type { ReverseDependencyIndex } from "./transitive-dependents";
import { whatBreaks, type WhatBreaks } from "./what-breaks";

export type RotationEventKind =
  | "rotated"
  | "keeps old value until refresh"
  | "has new value"
  | "breaks until restart"
  | "breaks until resync"
  | "breaks until next run"
  | "has new value from next run"
  | "dependent breaks";

export interface RotationEvent {
  /** Seconds after the rotation; null = at the next restart/resync, which nothing schedules. */
  atSeconds: number | null;
  /** null for the rotation itself. */
  workloadKey: string | null;
  event: RotationEventKind;
  detail: string;
}

export interface RotationSimulation {
  events: RotationEvent[];
  /** Time to full propagation; null = never without restarts/resyncs. */
  totalSeconds: number | null;
  restartBound: boolean;
  propagation: Propagation;
  breaks: WhatBreaks;
}

/**
 * "Rotate now", played forward: when each consumer holds the new value, who breaks until then and
 * the time to full propagation. Nothing is rotated; this only reads the consumption edges.
 */
export function simulateRotation(input: { secret: SecretRecord; consumptions: readonly ConsumptionRecord[]; dependencies: readonly DependencyRecord[] | ReverseDependencyIndex }): RotationSimulation {
  const propagation = computePropagation(input.consumptions, input.secret);
  const breaks = whatBreaks(input.secret, input.consumptions, input.dependencies);
  const events: RotationEvent[] = [{ atSeconds: 0, workloadKey: null, event: "rotated", detail: `${input.secret.key} rotated; ${propagation.consumers.length} consumer(s)` }];
  for (const c of propagation.consumers) {
    if (c.waitsFor === "timer") {
      const at = c.newValueAfterSeconds ?? 0;
      if (at > 0) events.push({ atSeconds: 0, workloadKey: c.workloadKey, event: "keeps old value until refresh", detail: c.note });
      events.push({ atSeconds: at, workloadKey: c.workloadKey, event: "has new value", detail: c.note });
    } else if (c.waitsFor === "next-run") {
      events.push({ atSeconds: 0, workloadKey: c.workloadKey, event: "breaks until next run", detail: "a run in flight keeps the old value" });
      events.push({ atSeconds: c.newValueAfterSeconds, workloadKey: c.workloadKey, event: "has new value from next run", detail: c.note });
    } else {
      events.push({ atSeconds: 0, workloadKey: c.workloadKey, event: c.waitsFor === "restart" ? "breaks until restart" : "breaks until resync", detail: c.note });
      events.push({ atSeconds: null, workloadKey: c.workloadKey, event: "has new value", detail: c.waitsFor === "restart" ? "after the next restart" : "after the ExternalSecret is resynced" });
    }
  }
  for (const d of breaks.dependents) events.push({ atSeconds: 0, workloadKey: d.workloadKey, event: "dependent breaks", detail: d.why });
  // Stable: by time (unscheduled last), the order above within a time.
  const order = events.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => (a.atSeconds ?? Infinity) - (b.atSeconds ?? Infinity) || i - j);
  return { events: order.map(([e]) => e), totalSeconds: propagation.totalSeconds, restartBound: propagation.restartBound, propagation, breaks };
}
