import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { EVENT_COLUMNS, SECRET_READ, SECRET_READ_TEXT, inCidrs, literal, runRule, windowOf } from "../sql";
import type { Finding, Scan } from "../types";
import { toFinding } from "./to-finding";

/**
 * Bulk reads from an address outside KNOWN_SERVICE_CIDRS: the address's secret reads in a window
 * are at least DETECTION_BULK_READ_MIN and more than FACTOR x the median of its previous
 * BASELINE_WINDOWS windows (windows without reads count as zero, so a new address has a baseline
 * of 0 and only the minimum applies). Per-window volumes live in detection_read_volumes, so the
 * baseline costs one index range per candidate instead of a rescan of days of audit events.
 */
export async function detectBulkReads(db: DbClient, scan: Scan): Promise<Finding[]> {
  const { minimum, factor, windowSeconds: w, baselineWindows: n } = scan.settings.bulkReads;
  const known = inCidrs(Prisma.sql`e.remote_address`, scan.settings.knownServiceCidrs);
  const from = alignDown(scan.from, w);
  const to = alignUp(scan.to, w);
  await recordReadVolumes(db, from, to, w, known);
  const rows = await runRule(db, {
    windowSeconds: w,
    matched: Prisma.sql`
      SELECT ${EVENT_COLUMNS}, e.remote_address AS k FROM audit_events e
      WHERE e.time >= ${from} AND e.time < ${to} AND e.type = 'response' AND ${SECRET_READ} AND NOT ${known}
        AND e.remote_address IN (SELECT v.remote_address FROM detection_read_volumes v
          WHERE v.window_seconds = ${w}::int AND v.window_start >= ${from} AND v.window_start < ${to} AND v.reads >= ${minimum}::int)`,
    groups: Prisma.sql`
      SELECT c.remote_address AS k, c.window_start AS b,
        jsonb_build_object('reads', c.reads, 'baselineMedian', c.median, 'baselineWindows', ${n}::int, 'factor', ${factor}::float8, 'minimum', ${minimum}::int) AS facts
      FROM (
        SELECT v.remote_address, v.window_start, v.reads,
          (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(p.reads, 0))
           FROM generate_series(v.window_start - ${n}::int * ${w}::int * interval '1 second', v.window_start - ${w}::int * interval '1 second', ${w}::int * interval '1 second') AS ws(t)
           LEFT JOIN detection_read_volumes p ON p.remote_address = v.remote_address AND p.window_seconds = v.window_seconds AND p.window_start = ws.t) AS median
        FROM detection_read_volumes v
        WHERE v.window_seconds = ${w}::int AND v.window_start >= ${from} AND v.window_start < ${to} AND v.reads >= ${minimum}::int
      ) c
      WHERE c.reads > ${factor}::float8 * c.median`,
  });
  await pruneReadVolumes(db, new Date(scan.now.getTime() - (n + 2) * w * 1000), w);
  return rows.map((row) => {
    const median = Number(row.facts?.baselineMedian ?? 0);
    return toFinding("bulk-read-anomaly", "high", row, w, {
      subject: row.subject_key,
      summary: `${row.n} secret reads (${row.distinct_paths} distinct paths) from ${row.subject_key}, not a known service address; its median over the previous ${n} windows is ${median}`,
      conditions: [SECRET_READ_TEXT, `remote_address = ${literal(row.subject_key)}`],
    });
  });
}

/** Recomputes the volume of every window in [from, to) for addresses outside the service networks. */
async function recordReadVolumes(db: DbClient, from: Date, to: Date, w: number, known: Prisma.Sql): Promise<void> {
  await db.$executeRaw`
    INSERT INTO detection_read_volumes (remote_address, window_seconds, window_start, reads)
    SELECT e.remote_address, ${w}::int, ${windowOf(Prisma.sql`e.time`, w)}, count(*)::int FROM audit_events e
    WHERE e.time >= ${from} AND e.time < ${to} AND e.type = 'response' AND ${SECRET_READ} AND e.remote_address IS NOT NULL AND NOT ${known}
    GROUP BY 1, 3
    ON CONFLICT (remote_address, window_seconds, window_start) DO UPDATE SET reads = EXCLUDED.reads
    WHERE detection_read_volumes.reads IS DISTINCT FROM EXCLUDED.reads`;
}

async function pruneReadVolumes(db: DbClient, before: Date, w: number): Promise<void> {
  await db.$executeRaw`DELETE FROM detection_read_volumes WHERE window_seconds = ${w}::int AND window_start < ${before}`;
}

export const alignDown = (d: Date, seconds: number): Date => new Date(Math.floor(d.getTime() / (seconds * 1000)) * seconds * 1000);
export const alignUp = (d: Date, seconds: number): Date => new Date(Math.ceil(d.getTime() / (seconds * 1000)) * seconds * 1000);
