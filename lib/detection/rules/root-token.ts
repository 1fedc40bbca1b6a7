import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { EVENT_COLUMNS, literal, runRule, windowOf } from "../sql";
import type { Finding, Scan } from "../types";
import { toFinding } from "./to-finding";

/**
 * Any use of a root token, always critical. Subject: the (HMAC'd) token accessor, which is stable
 * for one root token, else the remote address.
 */
export async function detectRootTokenUse(db: DbClient, scan: Scan): Promise<Finding[]> {
  const w = scan.settings.dedupWindowSeconds;
  const rows = await runRule(db, {
    windowSeconds: w,
    matched: Prisma.sql`
      SELECT ${EVENT_COLUMNS}, coalesce(e.token_accessor, e.remote_address, 'unknown') AS k FROM audit_events e
      WHERE e.time >= ${scan.from} AND e.time < ${scan.to} AND e.type = 'response' AND (e.is_root OR 'root' = ANY(e.policies))`,
    groups: Prisma.sql`SELECT m.k, ${windowOf(Prisma.sql`m.time`, w)} AS b, NULL::jsonb AS facts FROM m GROUP BY 1, 2`,
  });
  return rows.map((row) => {
    const from = row.remote_addresses?.join(", ") || "an unknown address";
    const paths = row.sample.map((e) => `${e.operation ?? "?"} ${e.path ?? "?"}`).slice(0, 3).join("; ");
    return toFinding("root-token-used", "critical", row, w, {
      subject: `root token ${shortAccessor(row.subject_key)} from ${from}`,
      summary: `A root token made ${row.n} request${row.n === 1 ? "" : "s"} from ${from}: ${paths}`,
      conditions: [`(is_root OR 'root' = ANY(policies))`, `coalesce(token_accessor, remote_address, 'unknown') = ${literal(row.subject_key)}`],
    });
  });
}

const shortAccessor = (key: string): string => (key.startsWith("hmac-sha256:") ? `${key.slice(12, 24)}…` : key);
