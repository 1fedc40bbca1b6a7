// No "server-only": the sync (instrumentation scheduler, tsx scripts) imports this module directly,
// and "server-only" refuses to load outside Next's react-server build. Still server code only.
import { Prisma } from "@/generated/prisma/client";

/**
 * SQL fragments shared by the health queries. Status is computed at read time against `now`, so
 * a snapshot ages correctly between syncs. Every value is a bound parameter; spliced SQL comes only
 * from the constants here, chosen by zod-validated enums.
 */

/** The role of a lease, from its id: "<mount>/creds/<role>/<suffix>" (no column: derived). */
export const LEASE_ROLE = Prisma.sql`(CASE WHEN split_part(substr(l.lease_id, length(l.mount) + 2), '/', 1) IN ('creds', 'static-creds')
  THEN NULLIF(split_part(substr(l.lease_id, length(l.mount) + 2), '/', 2), '') END)`;

/** Secrets of the snapshot that at least one workload consumes (hash-joined, not probed per row). */
export const consumedSecrets = (snapshotId: string) =>
  Prisma.sql`SELECT DISTINCT c.secret_id FROM consumptions c WHERE c.snapshot_id = ${snapshotId}::uuid AND c.secret_id IS NOT NULL`;

/** Weak by NIST SP 800-57: RSA/DSA under 2048 bits, EC under 256. Mirrors isWeakKey(). */
export const CERT_WEAK = Prisma.sql`((c.key_type IN ('rsa', 'rsa-pss', 'dsa') AND c.key_bits < 2048) OR (c.key_type = 'ec' AND c.key_bits < 256))`;

export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** `ILIKE` pattern matching `term` literally (%, _ and \ are not wildcards). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function searchWords(column: Prisma.Sql, q: string | undefined): Prisma.Sql[] {
  if (!q) return [];
  return q.split(/\s+/).filter(Boolean).slice(0, 8).map((w) => Prisma.sql`${column} ILIKE ${containsPattern(w)} ESCAPE '\\'`);
}

/** "<cluster>:<mount>" or "<mount>". */
export function mountFilter(clusterColumn: Prisma.Sql, mountColumn: Prisma.Sql, value: string | undefined): Prisma.Sql[] {
  if (!value) return [];
  const at = value.indexOf(":");
  if (at > 0) return [Prisma.sql`${clusterColumn} = ${value.slice(0, at)} AND ${mountColumn} = ${value.slice(at + 1)}`];
  return [Prisma.sql`${mountColumn} = ${value}`];
}

/** Past this many matches the tables say "10,000+" instead of counting every row. */
export const COUNT_CAP = 10_000;

export function cappedCountSql(fromWhere: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${COUNT_CAP + 1}) AS capped`;
}

export function toCapped(n: number | undefined): { total: number; totalCapped: boolean } {
  const total = n ?? 0;
  return total > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total, totalCapped: false };
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
