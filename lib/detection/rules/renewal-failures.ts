import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { EVENT_COLUMNS, literal, runRule, windowOf } from "../sql";
import type { Finding, Scan } from "../types";
import { toFinding } from "./to-finding";

/** Lease and token renewals, and rotations (sys/rotate, database/aws/ldap rotate-root|role, transit keys). */
export const RENEW_PATH = "^(sys/(leases/)?renew(/|$)|auth/token/renew)";
export const ROTATE_PATH = "(^sys/rotate(/|$)|/rotate-(root|role)(/|$)|^[^/]+/keys/[^/]+/rotate$)";
/** A lease id is "<secret path>/<id>": the secret path is the subject when no secret key was resolved. */
const LEASE_SECRET = "^sys/(?:leases/)?renew/(.+)/[^/]+$";

/**
 * Failed renew or rotate operations in the audit log, per secret (resolved key, else the lease's
 * secret path, else the caller) per dedup window. Reuses lib/health: when the sync-time
 * `lease-renewal-failure` alert for the same secret is open or acknowledged, the incident is
 * already on the page, so no second alert is raised for it.
 */
export async function detectRenewalFailures(db: DbClient, scan: Scan): Promise<Finding[]> {
  const w = scan.settings.dedupWindowSeconds;
  const key = Prisma.sql`coalesce(e.secret_key, substring(e.path from ${LEASE_SECRET}), e.identity_key, e.path)`;
  const rows = await runRule(db, {
    windowSeconds: w,
    matched: Prisma.sql`
      SELECT ${EVENT_COLUMNS}, ${key} AS k FROM audit_events e
      WHERE e.time >= ${scan.from} AND e.time < ${scan.to} AND e.type = 'response' AND e.error IS NOT NULL
        AND e.operation IN ('update', 'create', 'read') AND (e.path ~ ${RENEW_PATH} OR e.path ~ ${ROTATE_PATH})`,
    groups: Prisma.sql`
      SELECT m.k, ${windowOf(Prisma.sql`m.time`, w)} AS b,
        jsonb_build_object('renewals', count(*) FILTER (WHERE m.path ~ ${RENEW_PATH}), 'rotations', count(*) FILTER (WHERE m.path ~ ${ROTATE_PATH}),
          'errors', (array_agg(DISTINCT m.error))[1:5]) AS facts
      FROM m
      WHERE NOT EXISTS (SELECT 1 FROM alerts h WHERE h.dedupe_key = 'lease-renewal-failure|' || m.k AND h.status <> 'resolved')
      GROUP BY 1, 2`,
  });
  return rows.map((row) => {
    const renewals = Number(row.facts?.renewals ?? 0);
    const rotations = Number(row.facts?.rotations ?? 0);
    const what = [renewals ? `${renewals} failed renewal${renewals === 1 ? "" : "s"}` : "", rotations ? `${rotations} failed rotation${rotations === 1 ? "" : "s"}` : ""].filter(Boolean).join(" and ");
    const errors = ((row.facts?.errors as string[] | undefined) ?? []).join("; ");
    return toFinding("renewal-or-rotation-failure", "high", row, w, {
      subject: row.subject_key,
      summary: `${what} for ${row.subject_key}${errors ? ` (${errors})` : ""}`,
      conditions: [
        "error IS NOT NULL",
        `(path ~ ${literal(RENEW_PATH)} OR path ~ ${literal(ROTATE_PATH)})`,
        `coalesce(secret_key, substring(path from ${literal(LEASE_SECRET)}), identity_key, path) = ${literal(row.subject_key)}`,
      ],
    });
  });
}
