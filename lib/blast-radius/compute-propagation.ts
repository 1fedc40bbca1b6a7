import type { ConsumptionMechanism, ReloadBehaviour } from "@/lib/sources/types";
import type { ConsumptionRecord, SecretRecord } from "@/lib/sync/snapshot-data";
import { PROPAGATION_DEFAULTS, readConsumptionTiming } from "./read-consumption-timing";

/** What a consumer waits for before it holds a rotated value. */
export type PropagationWait = "timer" | "restart" | "next-run" | "manual-resync";

export interface ConsumerPropagation {
  workloadKey: string;
  mechanism: ConsumptionMechanism;
  identityKey: string | null;
  /** Seconds until the new value is delivered (file, env source, Kubernetes Secret); null = not until a restart/resync. */
  distributionDelaySeconds: number | null;
  /** Seconds after delivery until the process uses it: 0 hot or per-run, null = needs a restart. */
  reloadDelaySeconds: number | null;
  reload: ReloadBehaviour;
  /** Upper bound, seconds after the rotation; null = until the workload restarts (or is resynced). */
  newValueAfterSeconds: number | null;
  waitsFor: PropagationWait;
  note: string;
}

export interface Propagation {
  consumers: ConsumerPropagation[];
  /** Max over consumers; null = unbounded (some consumer waits for a restart or a resync); 0 without consumers. */
  totalSeconds: number | null;
  restartBound: boolean;
  /** The consumer that sets the total (the first unbounded one when unbounded). */
  slowestWorkloadKey: string | null;
}

/**
 * DESIGN.md "Propagation time of a rotation": per consumption edge, distribution delay + reload
 * delay, using what the manifest parsers read (refresh trigger, interval, kubelet sync, delivery).
 */
export function computePropagation(consumptions: readonly ConsumptionRecord[], secret: SecretRecord): Propagation {
  const consumers = consumptions.map((c) => consumerPropagation(c, secret));
  const unbounded = consumers.find((c) => c.newValueAfterSeconds === null);
  const slowest = unbounded ?? consumers.reduce<ConsumerPropagation | null>((best, c) => (best === null || (c.newValueAfterSeconds ?? 0) > (best.newValueAfterSeconds ?? 0) ? c : best), null);
  const total = unbounded ? null : (slowest?.newValueAfterSeconds ?? 0);
  return { consumers, totalSeconds: total, restartBound: consumers.some((c) => c.waitsFor === "restart"), slowestWorkloadKey: slowest?.workloadKey ?? null };
}

export function consumerPropagation(c: ConsumptionRecord, secret: SecretRecord): ConsumerPropagation {
  const t = readConsumptionTiming(c);
  const base = { workloadKey: c.workloadKey, mechanism: c.mechanism, identityKey: c.identityKey, reload: c.reload };
  const parserNote = t.notes.length > 0 ? ` (${t.notes.join("; ")})` : "";

  if (t.trigger === "job-start" || c.reload === "per-run") {
    // Fetched when each run starts: nothing to wait for except the next run (a Kubernetes Secret
    // synced by ESO/CSI for a CronJob is still only as fresh as its last sync).
    const distribution = t.trigger === "interval" ? (t.intervalSeconds ?? 0) + t.syncDelaySeconds : 0;
    return { ...base, distributionDelaySeconds: distribution, reloadDelaySeconds: 0, newValueAfterSeconds: distribution, waitsFor: "next-run",
      note: `fetched at the start of each run: the new value is used from the next run on${distribution > 0 ? ` once synced (up to ${distribution}s)` : ""}${parserNote}` };
  }
  if (t.trigger === "pod-start") {
    return { ...base, distributionDelaySeconds: null, reloadDelaySeconds: null, newValueAfterSeconds: null, waitsFor: "restart",
      note: `read once when the pod starts: the old value stays until it restarts${parserNote}` };
  }
  if (t.trigger === "spec-change") {
    return { ...base, distributionDelaySeconds: null, reloadDelaySeconds: c.reload === "restart" ? null : 0, newValueAfterSeconds: null, waitsFor: "manual-resync",
      note: `not refreshed on a timer: the Kubernetes Secret keeps the old value until the ExternalSecret changes or is force-synced${parserNote}` };
  }
  let distribution: number;
  let how: string;
  if (t.trigger === "lease-renewal") {
    const ttl = secret.leaseTtlSeconds ?? t.leaseTtlSeconds;
    distribution = ttl ?? PROPAGATION_DEFAULTS.vaultDefaultLeaseTtlSeconds;
    how = ttl !== null ? `re-issued with the lease (TTL ${ttl}s)` : `re-issued with the lease (TTL unknown: Vault's default ${distribution}s assumed)`;
  } else {
    distribution = (t.intervalSeconds ?? 0) + t.syncDelaySeconds;
    how = `refreshed every ${t.intervalSeconds ?? 0}s${t.syncDelaySeconds > 0 ? ` + ${t.syncDelaySeconds}s kubelet volume sync` : ""}`;
  }
  if (c.reload === "restart") {
    return { ...base, distributionDelaySeconds: distribution, reloadDelaySeconds: null, newValueAfterSeconds: null, waitsFor: "restart",
      note: `${how}, but the process reads it only at start-up: restart required${parserNote}` };
  }
  return { ...base, distributionDelaySeconds: distribution, reloadDelaySeconds: 0, newValueAfterSeconds: distribution, waitsFor: "timer",
    note: `${how}, picked up hot${parserNote}` };
}
