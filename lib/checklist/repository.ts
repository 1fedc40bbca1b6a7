// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import type { DbClient } from "@/lib/db/create-client";

// Evidence for the checklist, aggregated in SQL: every query returns counts or a bounded sample
// (EVIDENCE_LIMIT rows), never a table. Reads other capabilities' tables (snapshot, alerts, audit
// events) directly: they are shared facts, and a missing source shows up as zero rows -> unknown.

export const EVIDENCE_LIMIT = 25;
type N = number;

export interface ActiveSnapshotRow { snapshot_id: string; switched_at: Date }

export async function findActiveSnapshot(db: DbClient): Promise<ActiveSnapshotRow | null> {
  const rows = await db.$queryRaw<ActiveSnapshotRow[]>`SELECT snapshot_id::text AS snapshot_id, switched_at FROM active_snapshots WHERE scope = 'inventory'`;
  return rows[0] ?? null;
}

export async function findEnvironmentClusters(db: DbClient, snapshotId: string) {
  return db.$queryRaw<{ environment: string | null; clusters: string[]; secrets: N }[]>`
    SELECT environment, array_agg(DISTINCT cluster ORDER BY cluster) AS clusters, count(*)::int AS secrets
    FROM secrets WHERE snapshot_id = ${snapshotId}::uuid GROUP BY environment ORDER BY environment NULLS LAST`;
}

export async function findDanglingReferences(db: DbClient, snapshotId: string) {
  const [rows, total] = await Promise.all([
    db.$queryRaw<{ secret_ref: string; workload_key: string; manifest_file: string | null; mechanism: string }[]>`
      SELECT c.secret_ref, w.key AS workload_key, c.manifest_file, c.mechanism::text AS mechanism
      FROM consumptions c JOIN workloads w ON w.id = c.workload_id
      WHERE c.snapshot_id = ${snapshotId}::uuid AND c.secret_id IS NULL ORDER BY w.key, c.secret_ref LIMIT ${EVIDENCE_LIMIT}`,
    db.$queryRaw<{ n: N }[]>`SELECT count(*)::int AS n FROM consumptions WHERE snapshot_id = ${snapshotId}::uuid AND secret_id IS NULL`,
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

// A KV secret whose name says it is a database password: a permanent credential kept by hand.
export const KV_DB_PASSWORD_PATTERN = String.raw`(^|/|-|_)(db|database|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|redis|cassandra|mssql|oracle)[-_.]?(password|passwd|pass|pwd|credentials?|creds)$`;

export async function findStaticDatabaseCredentials(db: DbClient, snapshotId: string) {
  const [rows, counts] = await Promise.all([
    db.$queryRaw<{ key: string; kind: string; consumer_count: N; environment: string | null }[]>`
      SELECT s.key, CASE WHEN s.engine_kind LIKE 'database%' THEN 'database static role' ELSE 'database password in ' || s.engine_kind END AS kind,
        s.consumer_count, s.environment
      FROM secrets s WHERE s.snapshot_id = ${snapshotId}::uuid AND (
        (s.engine_kind LIKE 'database%' AND s.lifecycle = 'static') OR (s.engine_kind LIKE 'kv%' AND s.path ~* ${KV_DB_PASSWORD_PATTERN}))
      ORDER BY (s.engine_kind LIKE 'database%') DESC, s.consumer_count DESC, s.key LIMIT ${EVIDENCE_LIMIT}`,
    db.$queryRaw<{ static_roles: N; kv_passwords: N; dynamic_roles: N }[]>`
      SELECT count(*) FILTER (WHERE engine_kind LIKE 'database%' AND lifecycle = 'static')::int AS static_roles,
        count(*) FILTER (WHERE engine_kind LIKE 'kv%' AND path ~* ${KV_DB_PASSWORD_PATTERN})::int AS kv_passwords,
        count(*) FILTER (WHERE engine_kind LIKE 'database%' AND lifecycle = 'dynamic')::int AS dynamic_roles
      FROM secrets WHERE snapshot_id = ${snapshotId}::uuid`,
  ]);
  return { rows, ...(counts[0] ?? { static_roles: 0, kv_passwords: 0, dynamic_roles: 0 }) };
}

export async function countKubernetesDistribution(db: DbClient, snapshotId: string) {
  const rows = await db.$queryRaw<{ eso: N; k8s_workloads: N; eso_secrets: N }[]>`
    SELECT (SELECT count(*)::int FROM consumptions WHERE snapshot_id = ${snapshotId}::uuid AND mechanism = 'eso') AS eso,
      (SELECT count(DISTINCT secret_id)::int FROM consumptions WHERE snapshot_id = ${snapshotId}::uuid AND mechanism = 'eso') AS eso_secrets,
      (SELECT count(*)::int FROM workloads WHERE snapshot_id = ${snapshotId}::uuid AND kind NOT IN ('ci-job', 'other')) AS k8s_workloads`;
  return rows[0] ?? { eso: 0, k8s_workloads: 0, eso_secrets: 0 };
}

export async function findCertificatesOutsidePki(db: DbClient, snapshotId: string, now: Date) {
  const [rows, counts] = await Promise.all([
    db.$queryRaw<{ cluster: string; issuer_mount: string; serial: string; common_name: string | null; not_after: Date }[]>`
      SELECT cluster, issuer_mount, serial, common_name, not_after FROM certificates
      WHERE snapshot_id = ${snapshotId}::uuid AND role IS NULL AND NOT revoked AND not_after >= ${now}
      ORDER BY not_after LIMIT ${EVIDENCE_LIMIT}`,
    db.$queryRaw<{ total: N; active: N; no_role: N; mounts: string[] }[]>`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE NOT revoked AND not_after >= ${now})::int AS active,
        count(*) FILTER (WHERE role IS NULL AND NOT revoked AND not_after >= ${now})::int AS no_role,
        coalesce(array_agg(DISTINCT cluster || ':' || issuer_mount), '{}') AS mounts
      FROM certificates WHERE snapshot_id = ${snapshotId}::uuid`,
  ]);
  return { rows, ...(counts[0] ?? { total: 0, active: 0, no_role: 0, mounts: [] }) };
}

export async function findDriftNames(db: DbClient, snapshotId: string) {
  return db.$queryRaw<{ kind: string; name: string; status: string; cluster: string }[]>`
    SELECT kind::text AS kind, name, status::text AS status, cluster FROM drift_items
    WHERE snapshot_id = ${snapshotId}::uuid ORDER BY kind, name LIMIT ${EVIDENCE_LIMIT}`;
}

/** Audit events are 10 million a day: the newest time comes from the index, the day's count is capped. */
export async function findAuditArrival(db: DbClient, since: Date) {
  const [last, recent, alerts] = await Promise.all([
    db.$queryRaw<{ last: Date | null }[]>`SELECT max(time) AS last FROM audit_events`,
    db.$queryRaw<{ n: N }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_events WHERE time >= ${since} LIMIT 100000) x`,
    db.$queryRaw<{ rule: string; open: N; total: N }[]>`
      SELECT rule, count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS total FROM alerts GROUP BY rule ORDER BY rule`,
  ]);
  return { lastEventAt: last[0]?.last ?? null, eventsSince: recent[0]?.n ?? 0, alertsByRule: alerts };
}

export async function findBlastRadiusGaps(db: DbClient, snapshotId: string) {
  const [rows, counts] = await Promise.all([
    db.$queryRaw<{ key: string; owner_team: string | null; reader_count: N; consumer_count: N }[]>`
      SELECT key, owner_team, reader_count, consumer_count FROM secrets
      WHERE snapshot_id = ${snapshotId}::uuid AND (owner_team IS NULL OR (reader_count > 0 AND consumer_count = 0))
      ORDER BY (owner_team IS NULL) DESC, exposure_score DESC, key LIMIT ${EVIDENCE_LIMIT}`,
    db.$queryRaw<{ total: N; incomplete: N; no_owner: N; no_consumer: N }[]>`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE owner_team IS NULL OR (reader_count > 0 AND consumer_count = 0))::int AS incomplete,
        count(*) FILTER (WHERE owner_team IS NULL)::int AS no_owner,
        count(*) FILTER (WHERE reader_count > 0 AND consumer_count = 0)::int AS no_consumer
      FROM secrets WHERE snapshot_id = ${snapshotId}::uuid`,
  ]);
  return { rows, ...(counts[0] ?? { total: 0, incomplete: 0, no_owner: 0, no_consumer: 0 }) };
}

export interface AttestationRecord {
  item: string; outcome: string; statement: string; performed_at: Date | null; evidence_url: string | null; attested_by: string; attested_at: Date;
}

/** The attestation in force per item: the newest one. */
export async function findLatestAttestations(db: DbClient): Promise<AttestationRecord[]> {
  return db.$queryRaw<AttestationRecord[]>`
    SELECT DISTINCT ON (item) item, outcome, statement, performed_at, evidence_url, attested_by, attested_at
    FROM checklist_attestations ORDER BY item, attested_at DESC, id`;
}

export async function insertAttestation(db: DbClient, row: { item: string; outcome: string; statement: string; performedAt: Date | null; evidenceUrl: string | null; attestedBy: string }) {
  return db.checklistAttestation.create({ data: row });
}
