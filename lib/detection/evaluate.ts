// No "server-only": the audit ingestion and the instrumentation scheduler call this outside the
// react-server build (same reason as lib/health/alerts.ts). Server code only.
import type { DbClient } from "@/lib/db/create-client";
import { alignDown, alignUp, detectBulkReads } from "./rules/bulk-reads";
import { detectAuthFailures } from "./rules/auth-failures";
import { detectOffHoursProductionReads } from "./rules/off-hours-reads";
import { detectRenewalFailures } from "./rules/renewal-failures";
import { detectRootTokenUse } from "./rules/root-token";
import { detectionSettingsFromEnv, type DetectionSettings } from "./settings";
import type { Finding, Scan } from "./types";
import { upsertFindings } from "./upsert-alerts";

export interface EvaluateOptions {
  from: Date;
  to: Date;
  /** The clock (tests pin it); default now. */
  now?: Date;
  /** Default: parsed from the environment (README "Detection"). */
  settings?: DetectionSettings;
}

export interface EvaluateResult {
  opened: number;
  updated: number;
  /**
   * Always 0 for the audit-log rules: an audit incident happened and stays true, so a person
   * resolves it (with a note). The health rules auto-resolve in lib/health.
   */
  resolved: number;
  notificationsQueued: number;
  findings: number;
}

/**
 * Runs every audit-log rule over audit_events in [from, to) and upserts the alerts. Call it after
 * each ingested batch with the batch's time span (any span works: each rule widens it to whole
 * dedup windows and recomputes them, so overlapping or repeated calls are idempotent and a burst
 * split across batches is still one alert). All aggregation happens in SQL over the time index;
 * only firing (subject, window) pairs, with a bounded sample each, come back to Node.
 *
 * Certificate expiry and lease-renewal-failure from the inventory stay in lib/health
 * (upsertHealthAlerts after each sync); the audit renewal rule defers to them.
 */
export async function evaluateDetection(db: DbClient, options: EvaluateOptions): Promise<EvaluateResult> {
  const settings = options.settings ?? detectionSettingsFromEnv();
  const now = options.now ?? new Date();
  if (!(options.from < options.to)) return { opened: 0, updated: 0, resolved: 0, notificationsQueued: 0, findings: 0 };
  const w = settings.dedupWindowSeconds;
  const scan: Scan = { from: alignDown(options.from, w), to: alignUp(options.to, w), now, settings };
  const findings: Finding[] = [
    ...(await detectAuthFailures(db, scan, "ip")),
    ...(await detectAuthFailures(db, scan, "role")),
    ...(await detectOffHoursProductionReads(db, scan)),
    ...(await detectRootTokenUse(db, scan)),
    ...(await detectRenewalFailures(db, scan)),
    ...(await detectBulkReads(db, { ...scan, from: options.from, to: options.to })),
  ];
  const unique = [...new Map(findings.map((f) => [f.dedupeKey, f])).values()];
  const written = await upsertFindings(db, unique, now, settings);
  return { opened: written.opened, updated: written.updated, resolved: 0, notificationsQueued: written.notificationsQueued, findings: unique.length };
}
