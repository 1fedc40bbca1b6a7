import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { EVENT_COLUMNS, literal, runRule, windowOf } from "../sql";
import type { Finding, Scan } from "../types";
import { toFinding } from "./to-finding";

/** Login endpoints of every auth method (auth/<mount>/login[/<user>], OIDC callbacks). */
export const LOGIN_PATH = "^auth/.+/(login(/.*)?|oidc/callback)$";

/**
 * More than `threshold` failed logins within `windowSeconds` (a sliding window, so a burst that
 * straddles two evaluation batches is still seen) per remote address, or per role: the resolved
 * identity key when the ingestion could match the HMAC'd role, else the login path (the auth
 * mount, plus the user name for userpass/ldap). One alert per subject per dedup window.
 */
export async function detectAuthFailures(db: DbClient, scan: Scan, by: "ip" | "role"): Promise<Finding[]> {
  const { threshold, windowSeconds: span } = scan.settings.authFailures;
  const w = scan.settings.dedupWindowSeconds;
  const key = by === "ip" ? Prisma.sql`e.remote_address` : Prisma.sql`coalesce(e.identity_key, e.path)`;
  const lookFrom = new Date(scan.from.getTime() - span * 1000);
  const rows = await runRule(db, {
    windowSeconds: w,
    matched: Prisma.sql`
      SELECT ${EVENT_COLUMNS}, ${key} AS k FROM audit_events e
      WHERE e.time >= ${lookFrom} AND e.time < ${scan.to} AND e.type = 'response' AND e.error IS NOT NULL AND e.path ~ ${LOGIN_PATH}`,
    groups: Prisma.sql`
      SELECT t.k, ${windowOf(Prisma.sql`t.time`, w)} AS b, jsonb_build_object('peakFailuresInWindow', max(t.trailing), 'windowSeconds', ${span}::int, 'threshold', ${threshold}::int) AS facts
      FROM (SELECT m.k, m.time, count(*) OVER (PARTITION BY m.k ORDER BY m.time RANGE BETWEEN ${span}::int * interval '1 second' PRECEDING AND CURRENT ROW) AS trailing
            FROM m WHERE m.k IS NOT NULL) t
      WHERE t.time >= ${scan.from} AND t.trailing > ${threshold}::int
      GROUP BY 1, 2`,
  });
  const rule = by === "ip" ? "auth-failures-ip" : "auth-failures-role";
  return rows.map((row) => {
    const peak = Number(row.facts?.peakFailuresInWindow ?? row.n);
    const who = by === "ip" ? `from ${row.subject_key}` : `against ${row.subject_key}`;
    return toFinding(rule, "high", row, w, {
      subject: row.subject_key,
      summary: `${row.n} failed logins ${who} (up to ${peak} within ${span}s; more than ${threshold} alerts)`,
      conditions: [`error IS NOT NULL`, `path ~ ${literal(LOGIN_PATH)}`, by === "ip" ? `remote_address = ${literal(row.subject_key)}` : `coalesce(identity_key, path) = ${literal(row.subject_key)}`],
    });
  });
}
