import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { CERTIFICATE_EXPIRING_DAYS } from "./schemas";
import { CERT_WEAK, iso } from "./sql";
import type { HealthOverview, TtlBucketRow } from "./types";
import { findIssuers } from "./issuer-repository";

// The health page's first view, aggregated in SQL: the browser receives counts and a few dozen
// small arrays, never the 100,000 leases. Queries run in parallel on the pool.

// The first TTL bucket (< 1 h) is also the lease "expiring" threshold (LEASE_EXPIRING_SECONDS).
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TOP_ROLES = 10;

type N = number;
const at = (ms: number) => new Date(ms);

export async function aggregateHealth(db: DbClient, snapshotId: string, now: Date): Promise<Omit<HealthOverview, "snapshot" | "now">> {
  const t = now.getTime();
  const [groups, byHour, byDay, failures, certCounts, byWeek, expiring, weakKeys, issuers, facets] = await Promise.all([
    // ONE scan of the leases: remaining-TTL buckets per (mount, secret), with whether a workload
    // consumes that secret. Totals, renewal failures, orphans and the TTL charts all fold from it.
    db.$queryRaw<{ mount: string; cluster: string; secret_id: string | null; consumed: boolean; expired: N; h1: N; h6: N; h24: N; d7: N; over: N }[]>`
      SELECT l.cluster, l.mount, l.secret_id::text AS secret_id,
        coalesce(l.secret_id IN (SELECT c.secret_id FROM consumptions c WHERE c.snapshot_id = ${snapshotId}::uuid AND c.secret_id IS NOT NULL), false) AS consumed,
        count(*) FILTER (WHERE l.expire_time < ${now})::int AS expired,
        count(*) FILTER (WHERE l.expire_time >= ${now} AND l.expire_time < ${at(t + HOUR)})::int AS h1,
        count(*) FILTER (WHERE l.expire_time >= ${at(t + HOUR)} AND l.expire_time < ${at(t + 6 * HOUR)})::int AS h6,
        count(*) FILTER (WHERE l.expire_time >= ${at(t + 6 * HOUR)} AND l.expire_time < ${at(t + DAY)})::int AS h24,
        count(*) FILTER (WHERE l.expire_time >= ${at(t + DAY)} AND l.expire_time < ${at(t + 7 * DAY)})::int AS d7,
        count(*) FILTER (WHERE l.expire_time IS NULL OR l.expire_time >= ${at(t + 7 * DAY)})::int AS over
      FROM leases l WHERE l.snapshot_id = ${snapshotId}::uuid GROUP BY l.cluster, l.mount, l.secret_id`,
    buckets(db, snapshotId, "hour", now, at(t + 48 * HOUR)),
    buckets(db, snapshotId, "day", now, at(t + 30 * DAY)),
    db.$queryRaw<{ lease_id: string; secret_key: string | null; expire_time: Date | null; consumers: N }[]>`
      SELECT l.lease_id, s.key AS secret_key, l.expire_time, k.n AS consumers
      FROM leases l JOIN secrets s ON s.id = l.secret_id
      JOIN (SELECT c.secret_id, count(*)::int AS n FROM consumptions c WHERE c.snapshot_id = ${snapshotId}::uuid AND c.secret_id IS NOT NULL GROUP BY 1) k ON k.secret_id = l.secret_id
      WHERE l.snapshot_id = ${snapshotId}::uuid AND l.expire_time < ${now}
      ORDER BY l.expire_time DESC LIMIT 10`,
    db.$queryRaw<{ total: N; expiring: N; expired: N; revoked: N; weak: N }[]>`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE NOT c.revoked AND c.not_after >= ${now} AND c.not_after < ${at(t + CERTIFICATE_EXPIRING_DAYS * DAY)})::int AS expiring,
        count(*) FILTER (WHERE NOT c.revoked AND c.not_after < ${now})::int AS expired,
        count(*) FILTER (WHERE c.revoked)::int AS revoked,
        count(*) FILTER (WHERE ${CERT_WEAK})::int AS weak
      FROM certificates c WHERE c.snapshot_id = ${snapshotId}::uuid`,
    // Weeks from now, -4 (expired up to four weeks ago) to +26; revoked certificates are shown apart.
    db.$queryRaw<{ week: N; count: N; weak: N }[]>`
      SELECT floor(extract(epoch FROM (c.not_after - ${now}::timestamptz)) / ${7 * 86_400})::int AS week, count(*)::int AS count,
        count(*) FILTER (WHERE ${CERT_WEAK})::int AS weak
      FROM certificates c
      WHERE c.snapshot_id = ${snapshotId}::uuid AND NOT c.revoked AND c.not_after >= ${at(t - 28 * DAY)} AND c.not_after < ${at(t + 26 * 7 * DAY)}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ cluster: string; issuer_mount: string; serial: string; common_name: string | null; not_after: Date; secret_key: string | null }[]>`
      SELECT c.cluster, c.issuer_mount, c.serial, c.common_name, c.not_after, s.key AS secret_key
      FROM certificates c LEFT JOIN secrets s ON s.id = c.secret_id
      WHERE c.snapshot_id = ${snapshotId}::uuid AND NOT c.revoked AND c.not_after >= ${now} AND c.not_after < ${at(t + CERTIFICATE_EXPIRING_DAYS * DAY)}
      ORDER BY c.not_after LIMIT 20`,
    db.$queryRaw<{ cluster: string; issuer_mount: string; serial: string; common_name: string | null; key_type: string | null; key_bits: number | null }[]>`
      SELECT c.cluster, c.issuer_mount, c.serial, c.common_name, c.key_type, c.key_bits FROM certificates c
      WHERE c.snapshot_id = ${snapshotId}::uuid AND ${CERT_WEAK} ORDER BY c.not_after LIMIT 10`,
    findIssuers(db, snapshotId, now),
    findFacets(db, snapshotId),
  ]);

  type Buckets = { expired: N; h1: N; h6: N; h24: N; d7: N; over: N };
  const KEYS = ["expired", "h1", "h6", "h24", "d7", "over"] as const;
  const zero = (): Buckets => ({ expired: 0, h1: 0, h6: 0, h24: 0, d7: 0, over: 0 });
  const add = (into: Buckets, from: Buckets) => KEYS.forEach((k) => (into[k] += from[k]));
  const sum = (r: Buckets) => KEYS.reduce((n, k) => n + r[k], 0);
  const ttlRow = (label: string, r: Buckets): TtlBucketRow => ({ label, expired: r.expired, under1h: r.h1, under6h: r.h6, under24h: r.h24, under7d: r.d7, over7d: r.over });

  const all = zero();
  let failuresCount = 0;
  let orphaned = 0;
  const byMount = new Map<string, Buckets>();
  for (const g of groups) {
    add(all, g);
    if (g.consumed) failuresCount += g.expired;
    else orphaned += sum(g);
    const m = byMount.get(g.mount) ?? zero();
    add(m, g);
    byMount.set(g.mount, m);
  }
  // Roles with problems first (expired, then soonest), then the biggest: the chart answers "where to look".
  const topRoles = [...groups].sort((a, b) => b.expired - a.expired || b.h1 - a.h1 || sum(b) - sum(a)).slice(0, TOP_ROLES);
  const roleIds = topRoles.flatMap((g) => (g.secret_id ? [g.secret_id] : []));
  const paths = roleIds.length
    ? new Map((await db.$queryRaw<{ id: string; path: string }[]>`SELECT id::text AS id, path FROM secrets WHERE id IN (${Prisma.join(roleIds.map((id) => Prisma.sql`${id}::uuid`))})`).map((r) => [r.id, r.path]))
    : new Map<string, string>();
  const cc = certCounts[0];

  return {
    leases: {
      total: sum(all), expired: all.expired, renewalFailures: failuresCount, orphaned,
      expiringWithin1h: all.h1, expiringWithin24h: all.h1 + all.h6 + all.h24,
      byHour, byDay,
      ttlByMount: [...byMount].sort((a, b) => a[0].localeCompare(b[0])).map(([mount, r]) => ttlRow(mount, r)),
      ttlByRole: topRoles.map((g) => ttlRow(`${g.mount} · ${roleOf(g.secret_id ? paths.get(g.secret_id) : undefined)}`, g)),
      failures: failures.map((f) => ({ leaseId: f.lease_id, secretKey: f.secret_key, expireTime: iso(f.expire_time), consumers: f.consumers })),
    },
    certificates: {
      total: cc?.total ?? 0, expiringWithin7d: cc?.expiring ?? 0, expired: cc?.expired ?? 0, revoked: cc?.revoked ?? 0, weak: cc?.weak ?? 0,
      byWeek: byWeek.map((w) => ({ week: w.week, at: new Date(t + w.week * 7 * DAY).toISOString(), count: w.count, weak: w.weak })),
      expiring: expiring.map((c) => ({ cluster: c.cluster, mount: c.issuer_mount, serial: c.serial, commonName: c.common_name, notAfter: c.not_after.toISOString(), secretKey: c.secret_key })),
      weakKeys: weakKeys.map((c) => ({ cluster: c.cluster, mount: c.issuer_mount, serial: c.serial, commonName: c.common_name, keyType: c.key_type, keyBits: c.key_bits })),
      issuers,
    },
    facets: { ...facets, mounts: [...new Set(groups.map((g) => `${g.cluster}:${g.mount}`))].sort() },
  };
}

/** "creds/payments-api" -> "payments-api"; no secret -> "(no secret)". */
const roleOf = (path: string | undefined) => (path ? path.replace(/^(static-)?creds\//, "") : "(no secret)");

/** Leases expiring per hour or day in [from, to), every bucket present (zeros included) so charts keep their axis. */
async function buckets(db: DbClient, snapshotId: string, unit: "hour" | "day", from: Date, to: Date) {
  const step = unit === "hour" ? Prisma.sql`interval '1 hour'` : Prisma.sql`interval '1 day'`;
  const trunc = unit === "hour" ? Prisma.sql`'hour'` : Prisma.sql`'day'`;
  const rows = await db.$queryRaw<{ at: Date; count: N }[]>`
    WITH series AS (SELECT generate_series(date_trunc(${trunc}, ${from}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${to}::timestamptz, ${step}) AS at),
    counted AS (
      SELECT date_trunc(${trunc}, l.expire_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS at, count(*)::int AS count
      FROM leases l WHERE l.snapshot_id = ${snapshotId}::uuid AND l.expire_time >= ${from} AND l.expire_time < ${to} GROUP BY 1)
    SELECT series.at, coalesce(counted.count, 0)::int AS count FROM series LEFT JOIN counted USING (at) ORDER BY series.at`;
  return rows.map((r) => ({ at: r.at.toISOString(), count: r.count }));
}

async function findFacets(db: DbClient, snapshotId: string): Promise<HealthOverview["facets"]> {
  // Lease mounts come from the lease scan above; lease roles run into thousands (a text filter).
  const [teams, envs, certMounts, certRoles] = await Promise.all([
    db.$queryRaw<{ v: string | null }[]>`SELECT DISTINCT s.owner_team AS v FROM secrets s WHERE s.snapshot_id = ${snapshotId}::uuid`,
    db.$queryRaw<{ v: string | null }[]>`SELECT DISTINCT s.environment AS v FROM secrets s WHERE s.snapshot_id = ${snapshotId}::uuid`,
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT c.cluster || ':' || c.issuer_mount AS v FROM certificates c WHERE c.snapshot_id = ${snapshotId}::uuid ORDER BY 1 LIMIT 200`,
    db.$queryRaw<{ v: string }[]>`SELECT DISTINCT c.role AS v FROM certificates c WHERE c.snapshot_id = ${snapshotId}::uuid AND c.role IS NOT NULL ORDER BY 1 LIMIT 200`,
  ]);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return {
    mounts: [],
    teams: distinct(teams.map((r) => r.v)), environments: distinct(envs.map((r) => r.v)),
    certMounts: certMounts.map((r) => r.v), certRoles: certRoles.map((r) => r.v),
  };
}
