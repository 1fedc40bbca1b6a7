import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { EVENT_COLUMNS, SECRET_READ, SECRET_READ_TEXT, insideBusinessHours, literal, runRule, windowOf } from "../sql";
import type { Finding, Scan } from "../types";
import { toFinding } from "./to-finding";

const PROD_ENVIRONMENTS = ["prod", "production"];

/**
 * A successful read of a production secret outside business hours (time zone, hours and days
 * configurable). Production = the path matches DETECTION_PRODUCTION_PATH_PATTERN, or the resolved
 * secret's environment in the active snapshot is prod/production. One alert per reader (identity
 * key, else display name, else address) per dedup window, listing the paths read.
 */
export async function detectOffHoursProductionReads(db: DbClient, scan: Scan): Promise<Finding[]> {
  const { businessHours: hours, productionPathPattern: pattern, dedupWindowSeconds: w } = scan.settings;
  const rows = await runRule(db, {
    windowSeconds: w,
    matched: Prisma.sql`
      SELECT ${EVENT_COLUMNS}, coalesce(e.identity_key, e.display_name, e.remote_address, 'unknown') AS k FROM audit_events e
      WHERE e.time >= ${scan.from} AND e.time < ${scan.to} AND e.type = 'response' AND ${SECRET_READ}
        AND (e.path ~ ${pattern} OR e.secret_key IN (
          SELECT s.key FROM secrets s JOIN active_snapshots a ON a.snapshot_id = s.snapshot_id AND a.scope = 'inventory'
          WHERE lower(s.environment) = ANY(${PROD_ENVIRONMENTS}::text[])))
        AND NOT ${insideBusinessHours(Prisma.sql`e.time`, hours)}`,
    groups: Prisma.sql`
      SELECT m.k, ${windowOf(Prisma.sql`m.time`, w)} AS b,
        jsonb_build_object('paths', (array_agg(DISTINCT m.path))[1:20], 'timeZone', ${hours.timeZone}::text,
          'localTime', to_char(min(m.time) AT TIME ZONE ${hours.timeZone}, 'Dy YYYY-MM-DD HH24:MI')) AS facts
      FROM m GROUP BY 1, 2`,
  });
  return rows.map((row) => {
    const paths = (row.facts?.paths as string[] | undefined) ?? [];
    return toFinding("prod-read-outside-business-hours", "medium", row, w, {
      subject: row.subject_key,
      summary: `${row.subject_key} read ${row.n} production secret${row.n === 1 ? "" : "s"} at ${String(row.facts?.localTime ?? "")} (${hours.timeZone}), outside business hours: ${paths.slice(0, 3).join(", ")}${paths.length > 3 ? ", ..." : ""}`,
      conditions: [
        SECRET_READ_TEXT,
        `path ~ ${literal(pattern)} -- or the secret's environment is prod in the active snapshot`,
        `coalesce(identity_key, display_name, remote_address, 'unknown') = ${literal(row.subject_key)}`,
      ],
    });
  });
}
