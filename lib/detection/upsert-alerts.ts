import { Prisma } from "@/generated/prisma/client";
import type { DbClient, PrismaClient } from "@/lib/db/create-client";
import { severityRank } from "./catalog";
import { buildAlertPayload } from "./notifications/payload";
import type { DetectionSettings } from "./settings";
import type { Finding } from "./types";

export interface UpsertResult {
  opened: number;
  updated: number;
  notificationsQueued: number;
}

const BATCH = 500;

/**
 * Writes findings to the shared alerts table, deduplicated on dedupe_key (rule|subject|window).
 * Counts and first/last seen are recomputed over the whole window on every evaluation, so the
 * upsert keeps the larger count and the wider span, and rows whose numbers did not change are not
 * touched at all (a re-run of the same window reports 0 updated). A resolved alert whose window
 * gains new events re-opens. New alerts at or above ALERT_WEBHOOK_MIN_SEVERITY get an outbox row
 * in the same transaction, so a notification exists if and only if its alert does.
 */
export async function upsertFindings(db: DbClient, findings: Finding[], now: Date, settings: DetectionSettings): Promise<UpsertResult> {
  const result: UpsertResult = { opened: 0, updated: 0, notificationsQueued: 0 };
  for (let i = 0; i < findings.length; i += BATCH) {
    const batch = findings.slice(i, i + BATCH);
    const write = async (tx: DbClient) => {
      const rows = await tx.$queryRaw<{ id: string; dedupe_key: string; inserted: boolean }[]>`
        INSERT INTO alerts AS a (rule, severity, subject, dedupe_key, first_seen, last_seen, count, status, evidence, updated_at)
        VALUES ${Prisma.join(batch.map((f) => Prisma.sql`(${f.rule}, ${f.severity}::alert_severity, ${f.subject}, ${f.dedupeKey}, ${f.firstSeen}, ${f.lastSeen}, ${f.count}::int, 'open'::alert_status, ${JSON.stringify(f.evidence)}::jsonb, ${now})`))}
        ON CONFLICT (dedupe_key) DO UPDATE SET
          first_seen = LEAST(a.first_seen, EXCLUDED.first_seen),
          last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen),
          count = GREATEST(a.count, EXCLUDED.count),
          severity = EXCLUDED.severity,
          subject = EXCLUDED.subject,
          evidence = EXCLUDED.evidence,
          status = CASE WHEN a.status = 'resolved' AND EXCLUDED.last_seen > a.last_seen THEN 'open'::alert_status ELSE a.status END,
          resolved_at = CASE WHEN a.status = 'resolved' AND EXCLUDED.last_seen > a.last_seen THEN NULL ELSE a.resolved_at END,
          updated_at = EXCLUDED.updated_at
        WHERE EXCLUDED.count > a.count OR EXCLUDED.last_seen > a.last_seen OR EXCLUDED.first_seen < a.first_seen
        RETURNING a.id::text AS id, a.dedupe_key, (xmax = 0) AS inserted`;
      const inserted = new Set(rows.filter((r) => r.inserted).map((r) => r.dedupe_key));
      result.opened += inserted.size;
      result.updated += rows.length - inserted.size;
      const notify = rows.filter((r) => r.inserted).map((r) => ({ id: r.id, finding: batch.find((f) => f.dedupeKey === r.dedupe_key)! }))
        .filter(({ finding }) => settings.webhook.url && severityRank(finding.severity) >= severityRank(settings.webhook.minSeverity));
      if (notify.length > 0) {
        await tx.$executeRaw`
          INSERT INTO alert_notifications (alert_id, channel, payload, next_attempt_at)
          VALUES ${Prisma.join(notify.map(({ id, finding: f }) => Prisma.sql`(${id}::uuid, 'webhook', ${JSON.stringify(buildAlertPayload({ id, rule: f.rule, severity: f.severity, subject: f.subject, count: f.count, firstSeen: f.firstSeen, lastSeen: f.lastSeen, summary: f.evidence.summary }, settings.portalUrl))}::jsonb, ${now})`))}`;
        result.notificationsQueued += notify.length;
      }
    };
    if ("$transaction" in db) await (db as PrismaClient).$transaction(write, { timeout: 60_000 });
    else await write(db);
  }
  return result;
}
