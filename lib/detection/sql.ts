import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { DetectionSettings } from "./settings";

/**
 * SQL shared by the audit-log rules. Contract with the ingestion (lib/sources/audit): one
 * audit_events row per Vault audit line; the rules count `type = 'response'` rows only (the
 * response line carries the outcome: login errors are absent from request lines), so a request
 * is never counted twice whether or not the request lines are stored too.
 */

export const SAMPLE_SIZE = 20;

/** A secret read: not Vault's own API (sys/), logins (auth/) or identity endpoints. */
export const SECRET_READ = Prisma.sql`e.operation = 'read' AND e.error IS NULL AND e.path IS NOT NULL AND e.path !~ '^(sys|auth|identity|cubbyhole)/'`;
export const SECRET_READ_TEXT = "operation = 'read' AND error IS NULL AND path !~ '^(sys|auth|identity|cubbyhole)/'";

/** The start of the fixed window (aligned to the epoch) an event falls in. */
export const windowOf = (column: Prisma.Sql, seconds: number): Prisma.Sql =>
  Prisma.sql`date_bin(${seconds}::int * interval '1 second', ${column}, timestamptz '1970-01-01 00:00:00+00')`;

/** True when the address is inside one of the CIDRs; addresses that are not IPs are never "known". */
export function inCidrs(column: Prisma.Sql, cidrs: readonly string[]): Prisma.Sql {
  if (cidrs.length === 0) return Prisma.sql`false`;
  return Prisma.sql`coalesce(CASE WHEN ${column} ~ '^([0-9]{1,3}[.]){3}[0-9]{1,3}$' OR ${column} ~ '^[0-9a-fA-F:]+:[0-9a-fA-F:.]*$' THEN ${column}::inet <<= ANY(${[...cidrs]}::text[]::cidr[]) END, false)`;
}

/** Wall-clock check in the business time zone; an end before the start spans midnight. */
export function insideBusinessHours(column: Prisma.Sql, hours: DetectionSettings["businessHours"]): Prisma.Sql {
  const local = Prisma.sql`(${column} AT TIME ZONE ${hours.timeZone})`;
  const minute = Prisma.sql`(extract(hour FROM ${local}) * 60 + extract(minute FROM ${local}))::int`;
  const inHours = hours.startMinute <= hours.endMinute
    ? Prisma.sql`${minute} >= ${hours.startMinute}::int AND ${minute} < ${hours.endMinute}::int`
    : Prisma.sql`(${minute} >= ${hours.startMinute}::int OR ${minute} < ${hours.endMinute}::int)`;
  return Prisma.sql`(extract(isodow FROM ${local})::int = ANY(${hours.isoDays}::int[]) AND ${inHours})`;
}

/** What each rule's query returns: one row per (subject, window) that fires. */
export interface RuleRow {
  subject_key: string;
  window_start: Date;
  n: number;
  first_seen: Date;
  last_seen: Date;
  remote_addresses: string[] | null;
  identities: string[] | null;
  distinct_paths: number;
  sample: EvidenceEvent[];
  facts: Record<string, unknown> | null;
}

export interface EvidenceEvent {
  id: string;
  time: string;
  operation: string | null;
  path: string | null;
  remoteAddress: string | null;
  identityKey: string | null;
  displayName: string | null;
  error: string | null;
}

/**
 * Runs a rule: `matched` selects the rule's events (columns of audit_events `e` plus `k`, the
 * subject key), `groups` picks the (k, b = window start) pairs that fire, with optional `facts`.
 * Counts, first/last seen and a bounded, time-ordered sample are taken over the whole window of
 * each group, so re-evaluating a window recomputes the same numbers (idempotent) and a later batch
 * that adds events to a window raises them.
 */
export async function runRule(db: DbClient, parts: { matched: Prisma.Sql; groups: Prisma.Sql; windowSeconds: number }): Promise<RuleRow[]> {
  const w = parts.windowSeconds;
  return db.$queryRaw<RuleRow[]>`
    WITH m AS MATERIALIZED (${parts.matched}),
    g AS (${parts.groups})
    SELECT g.k AS subject_key, g.b AS window_start, a.n, a.first_seen, a.last_seen, a.remote_addresses, a.identities, a.distinct_paths, x.sample, g.facts
    FROM g
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, min(m.time) AS first_seen, max(m.time) AS last_seen,
        (array_agg(DISTINCT m.remote_address) FILTER (WHERE m.remote_address IS NOT NULL))[1:20] AS remote_addresses,
        (array_agg(DISTINCT m.identity_key) FILTER (WHERE m.identity_key IS NOT NULL))[1:20] AS identities,
        count(DISTINCT m.path)::int AS distinct_paths
      FROM m WHERE m.k = g.k AND m.time >= g.b AND m.time < g.b + ${w}::int * interval '1 second') a
    CROSS JOIN LATERAL (
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', s.id::text, 'time', s.time, 'operation', s.operation, 'path', s.path,
        'remoteAddress', s.remote_address, 'identityKey', s.identity_key, 'displayName', s.display_name, 'error', s.error) ORDER BY s.time, s.id), '[]'::jsonb) AS sample
      FROM (SELECT * FROM m WHERE m.k = g.k AND m.time >= g.b AND m.time < g.b + ${w}::int * interval '1 second' ORDER BY m.time, m.id LIMIT ${SAMPLE_SIZE}::int) s) x
    WHERE a.n > 0
    ORDER BY g.b, g.k`;
}

/** The columns every rule's `matched` query selects (plus its own `k`). */
export const EVENT_COLUMNS = Prisma.sql`e.id, e.time, e.operation, e.path, e.remote_address, e.identity_key, e.display_name, e.error`;

/** A SQL string literal for the human-readable "query to find all" (never executed by Radius). */
export const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** "SELECT ... FROM audit_events WHERE <time range> AND <conditions>" for an alert's evidence. */
export function findAllQuery(from: Date, to: Date, conditions: string[]): string {
  return [
    "SELECT id, time, operation, path, remote_address, identity_key, display_name, error FROM audit_events",
    `WHERE time >= ${literal(from.toISOString())} AND time < ${literal(to.toISOString())} AND type = 'response'`,
    ...conditions.map((c) => `  AND ${c}`),
    "ORDER BY time",
  ].join("\n");
}
