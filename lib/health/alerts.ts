// No "server-only": the sync (instrumentation scheduler, tsx scripts) imports this module directly,
// and "server-only" refuses to load outside Next's react-server build. Still server code only.
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { CERTIFICATE_EXPIRING_DAYS } from "./schemas";
import { consumedSecrets } from "./sql";

/**
 * Health findings as rows of the shared Alert model (DESIGN.md "Health and detection"):
 *  - certificate-expiring-7d: one alert per certificate (cluster, mount, serial), not revoked,
 *    notAfter within 7 days (already-expired certificates are on the page, not re-alerted).
 *  - lease-renewal-failure: one alert per secret whose leases expired while a workload still
 *    consumes it (per secret, not per lease: 100 failed leases of one role are one incident).
 * Dedup is the unique dedupe_key "<rule>|<subject key>": a repeat bumps count and last_seen.
 * Resolution is automatic: an open or acknowledged alert whose condition is gone in this
 * snapshot becomes resolved (the certificate was renewed or revoked, the leases renewed or the
 * consumer removed); if the condition returns, the same row re-opens and keeps its history.
 * Call after activateSnapshot with the new snapshot id, or on a schedule with the active one.
 */

export const HEALTH_ALERT_RULES = ["certificate-expiring-7d", "lease-renewal-failure"] as const;

interface Finding {
  rule: (typeof HEALTH_ALERT_RULES)[number];
  severity: "medium" | "high" | "critical";
  subject: string;
  dedupeKey: string;
  evidence: Record<string, unknown>;
}

export interface HealthAlertResult {
  opened: number;
  updated: number;
  resolved: number;
}

export async function upsertHealthAlerts(db: DbClient, snapshotId: string, now: Date): Promise<HealthAlertResult> {
  const findings = [...(await expiringCertificates(db, snapshotId, now)), ...(await renewalFailures(db, snapshotId, now))];
  let opened = 0;
  let updated = 0;
  for (let i = 0; i < findings.length; i += 500) {
    const rows = await db.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO alerts (rule, severity, subject, dedupe_key, first_seen, last_seen, count, status, evidence, updated_at)
      VALUES ${Prisma.join(findings.slice(i, i + 500).map((f) => Prisma.sql`(${f.rule}, ${f.severity}::alert_severity, ${f.subject}, ${f.dedupeKey}, ${now}, ${now}, 1, 'open'::alert_status, ${JSON.stringify(f.evidence)}::jsonb, ${now})`))}
      ON CONFLICT (dedupe_key) DO UPDATE SET
        last_seen = EXCLUDED.last_seen,
        count = alerts.count + 1,
        severity = EXCLUDED.severity,
        subject = EXCLUDED.subject,
        evidence = EXCLUDED.evidence,
        status = CASE WHEN alerts.status = 'resolved' THEN 'open'::alert_status ELSE alerts.status END,
        resolved_at = CASE WHEN alerts.status = 'resolved' THEN NULL ELSE alerts.resolved_at END,
        updated_at = EXCLUDED.updated_at
      RETURNING (xmax = 0) AS inserted`;
    const inserted = rows.filter((r) => r.inserted).length;
    opened += inserted;
    updated += rows.length - inserted;
  }
  const current = findings.map((f) => f.dedupeKey);
  const resolved = await db.$executeRaw`
    UPDATE alerts SET status = 'resolved', resolved_at = ${now}, updated_at = ${now}
    WHERE rule IN (${Prisma.join([...HEALTH_ALERT_RULES])}) AND status <> 'resolved'
      AND NOT (dedupe_key = ANY(${current}::text[]))`;
  return { opened, updated, resolved };
}

async function expiringCertificates(db: DbClient, snapshotId: string, now: Date): Promise<Finding[]> {
  const until = new Date(now.getTime() + CERTIFICATE_EXPIRING_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ cluster: string; issuer_mount: string; serial: string; common_name: string | null; not_after: Date; role: string | null; sans: string[] }[]>`
    SELECT c.cluster, c.issuer_mount, c.serial, c.common_name, c.not_after, c.role, c.sans FROM certificates c
    WHERE c.snapshot_id = ${snapshotId}::uuid AND NOT c.revoked AND c.not_after >= ${now} AND c.not_after < ${until}`;
  return rows.map((c) => {
    const hoursLeft = (c.not_after.getTime() - now.getTime()) / 3_600_000;
    return {
      rule: "certificate-expiring-7d",
      severity: hoursLeft <= 24 ? "critical" : hoursLeft <= 72 ? "high" : "medium",
      subject: `${c.common_name ?? c.serial} (${c.cluster}:${c.issuer_mount}, serial ${c.serial})`,
      dedupeKey: `certificate-expiring-7d|${c.cluster}:${c.issuer_mount}:${c.serial}`,
      evidence: { cluster: c.cluster, mount: c.issuer_mount, serial: c.serial, commonName: c.common_name, sans: c.sans, role: c.role, notAfter: c.not_after.toISOString(), snapshotId },
    };
  });
}

async function renewalFailures(db: DbClient, snapshotId: string, now: Date): Promise<Finding[]> {
  const rows = await db.$queryRaw<{ secret_key: string; n: number; lease_ids: string[]; last_expired: Date; consumers: string[] }[]>`
    SELECT s.key AS secret_key, count(*)::int AS n, (array_agg(l.lease_id ORDER BY l.expire_time DESC))[1:10] AS lease_ids, max(l.expire_time) AS last_expired,
      (SELECT array_agg(DISTINCT w.key) FROM consumptions c JOIN workloads w ON w.id = c.workload_id WHERE c.secret_id = s.id) AS consumers
    FROM leases l JOIN secrets s ON s.id = l.secret_id JOIN (${consumedSecrets(snapshotId)}) k ON k.secret_id = l.secret_id
    WHERE l.snapshot_id = ${snapshotId}::uuid AND l.expire_time < ${now}
    GROUP BY s.id, s.key`;
  return rows.map((r) => ({
    rule: "lease-renewal-failure",
    severity: "high",
    subject: r.secret_key,
    dedupeKey: `lease-renewal-failure|${r.secret_key}`,
    evidence: { secretKey: r.secret_key, expiredLeases: r.n, leaseIds: r.lease_ids, lastExpiredAt: r.last_expired.toISOString(), consumers: (r.consumers ?? []).slice(0, 20), snapshotId },
  }));
}
