import type { ConsumptionDelivery, RefreshTrigger } from "@/lib/sources/types";
import type { ConsumptionRecord } from "@/lib/sync/snapshot-data";

/** Documented defaults (DESIGN.md propagation table), used only when a parser left a value out. */
export const PROPAGATION_DEFAULTS = {
  vaultAgentRenderIntervalSeconds: 300,
  esoRefreshIntervalSeconds: 3600,
  csiRotationPollIntervalSeconds: 120,
  /** Kubelet Secret volume sync; the parsers use the upper bound of "about 1-2 minutes". */
  kubeletSyncSeconds: 120,
  /** Vault's system default lease TTL (768h), when neither the role nor the manifest says. */
  vaultDefaultLeaseTtlSeconds: 768 * 3600,
} as const;

export interface ConsumptionTiming {
  trigger: RefreshTrigger;
  intervalSeconds: number | null;
  syncDelaySeconds: number;
  delivery: ConsumptionDelivery | null;
  leased: boolean;
  leaseTtlSeconds: number | null;
  notes: string[];
}

const TRIGGERS: readonly RefreshTrigger[] = ["interval", "lease-renewal", "pod-start", "job-start", "spec-change"];
const DELIVERIES: readonly ConsumptionDelivery[] = ["file", "env", "k8s-secret-env", "k8s-secret-volume"];

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | null => (typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : null);

/**
 * The parser's own reading of a consumption (lib/sources/types.ts ParsedConsumption, stored in
 * `details`), trusted over re-derivation; only missing fields fall back to the mechanism's default.
 */
export function readConsumptionTiming(c: ConsumptionRecord): ConsumptionTiming {
  const d = c.details;
  const delivery = oneOf(d.delivery, DELIVERIES);
  const leased = typeof d.leased === "boolean" ? d.leased : false;
  const trigger = oneOf(d.refreshTrigger, TRIGGERS) ?? guessTrigger(c, leased);
  const syncDelay = num(d.syncDelaySeconds) ?? (delivery === "k8s-secret-volume" ? PROPAGATION_DEFAULTS.kubeletSyncSeconds : 0);
  const notes = Array.isArray(d.notes) ? d.notes.filter((n): n is string => typeof n === "string") : [];
  return { trigger, intervalSeconds: c.refreshIntervalSeconds ?? defaultInterval(c), syncDelaySeconds: syncDelay, delivery, leased, leaseTtlSeconds: num(d.leaseTtlSeconds), notes };
}

function guessTrigger(c: ConsumptionRecord, leased: boolean): RefreshTrigger {
  if (c.mechanism === "ci-oidc" || c.reload === "per-run") return "job-start";
  if (c.mechanism === "direct") return "pod-start";
  if (c.refreshIntervalSeconds !== null) return "interval";
  if (leased && c.mechanism === "vault-agent") return "lease-renewal";
  return "pod-start";
}

function defaultInterval(c: ConsumptionRecord): number | null {
  if (c.mechanism === "vault-agent") return PROPAGATION_DEFAULTS.vaultAgentRenderIntervalSeconds;
  if (c.mechanism === "eso") return PROPAGATION_DEFAULTS.esoRefreshIntervalSeconds;
  if (c.mechanism === "csi") return PROPAGATION_DEFAULTS.csiRotationPollIntervalSeconds;
  return null;
}
