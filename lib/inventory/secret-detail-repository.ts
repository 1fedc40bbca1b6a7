import "server-only";
import type { DbClient } from "@/lib/db/create-client";
import { iso } from "./sql";
import { toSecretRow, type SecretRowRecord } from "./secret-repository";
import type { IdentityRef } from "./types";

/** A detail page shows at most this many grants per secret; the count says when there are more. */
export const GRANT_LIMIT = 5000;

export interface SecretRecord {
  id: string;
  row: ReturnType<typeof toSecretRow>;
  dataPath: string | null;
  leaseTtlSeconds: number | null;
  rotationPeriodSeconds: number | null;
  currentVersion: number | null;
  createdTime: string | null;
  exposureTerms: unknown;
  customMetadata: unknown;
}

export async function findSecretByKey(db: DbClient, snapshotId: string, key: string): Promise<SecretRecord | null> {
  const rows = await db.$queryRaw<(SecretRowRecord & {
    id: string; data_path: string | null; lease_ttl_seconds: number | null; rotation_period_seconds: number | null;
    current_version: number | null; created_time: Date | null; exposure_terms: unknown; custom_metadata: unknown;
  })[]>`
    SELECT s.id, s.key, s.cluster, s.mount, s.path, s.engine_kind, s.lifecycle::text AS lifecycle, s.environment,
      s.owner_team, s.classification, s.last_rotated_at, s.reader_count, s.list_only_count, s.consumer_count,
      s.dependent_count, s.propagation_seconds, s.restart_bound, s.exposure_score, s.data_path, s.lease_ttl_seconds,
      s.rotation_period_seconds, s.current_version, s.created_time, s.exposure_terms, s.custom_metadata
    FROM secrets s WHERE s.snapshot_id = ${snapshotId}::uuid AND s.key = ${key}`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, row: toSecretRow(r), dataPath: r.data_path, leaseTtlSeconds: r.lease_ttl_seconds,
    rotationPeriodSeconds: r.rotation_period_seconds, currentVersion: r.current_version, createdTime: iso(r.created_time),
    exposureTerms: r.exposure_terms, customMetadata: r.custom_metadata,
  };
}

export interface GrantRecord {
  identity: IdentityRef;
  viaGroup: IdentityRef | null;
  capabilities: string[];
  policyId: string | null;
  policyName: string;
  /** Every policy carrying the deciding rule (policyName is the first of them). */
  policyNames: string[];
  rulePath: string;
}

const identitySelect = { key: true, cluster: true, kind: true, authMount: true, roleName: true, displayName: true } as const;

export async function findGrantsOfSecret(db: DbClient, snapshotId: string, secretId: string): Promise<GrantRecord[]> {
  const grants = await db.grant.findMany({
    where: { snapshotId, secretId },
    select: {
      capabilities: true, policyId: true, policyName: true, policyNames: true, rulePath: true,
      identity: { select: identitySelect }, viaGroup: { select: identitySelect },
    },
    orderBy: [{ identity: { key: "asc" } }],
    take: GRANT_LIMIT,
  });
  return grants.map((g) => ({ ...g, identity: { ...g.identity, kind: String(g.identity.kind) }, viaGroup: g.viaGroup ? { ...g.viaGroup, kind: String(g.viaGroup.kind) } : null }));
}

/** The parsed rules of the policies behind some grants, to show the deciding rule's line and capabilities. */
export async function findPolicyRules(db: DbClient, snapshotId: string, policyIds: string[]) {
  if (policyIds.length === 0) return [];
  return db.policy.findMany({
    where: { snapshotId, id: { in: policyIds } },
    select: { id: true, cluster: true, name: true, origin: true, rules: true, file: true },
  });
}

export async function findAccessStats(db: DbClient, secretKey: string) {
  return db.accessStat.findMany({ where: { secretKey }, select: { identityKey: true, lastReadAt: true, reads30d: true, reads90d: true } });
}

/** Since when the audit log has been ingested (lib/sources/audit); null = no evidence yet. */
export async function findAuditCoverage(db: DbClient): Promise<{ since: string | null; until: string | null } | null> {
  const r = await db.auditIngestCheckpoint.aggregate({ _sum: { events: true }, _min: { firstEventAt: true }, _max: { lastEventAt: true } });
  if (!r._sum.events || r._sum.events <= BigInt(0)) return null;
  return { since: iso(r._min.firstEventAt), until: iso(r._max.lastEventAt) };
}

export const workloadSelect = { id: true, key: true, name: true, kind: true, namespace: true, ownerTeam: true } as const;

export async function findConsumptionsOfSecret(db: DbClient, snapshotId: string, secretId: string) {
  return db.consumption.findMany({
    where: { snapshotId, secretId },
    select: {
      mechanism: true, refreshIntervalSeconds: true, reload: true, secretRef: true, manifestFile: true, manifestLine: true, details: true,
      workload: { select: workloadSelect },
      identity: { select: identitySelect },
    },
    orderBy: [{ workload: { key: "asc" } }],
  });
}

export async function findLeasesOfSecret(db: DbClient, snapshotId: string, secretId: string) {
  const [rows, count] = await Promise.all([
    db.lease.findMany({
      where: { snapshotId, secretId }, orderBy: { expireTime: "asc" }, take: 20,
      select: { leaseId: true, issueTime: true, expireTime: true, ttlSeconds: true, renewable: true },
    }),
    db.lease.count({ where: { snapshotId, secretId } }),
  ]);
  return { rows, count };
}

export async function findCertificatesOfSecret(db: DbClient, snapshotId: string, secretId: string) {
  const [rows, count] = await Promise.all([
    db.certificate.findMany({
      where: { snapshotId, secretId }, orderBy: { notAfter: "asc" }, take: 20,
      select: { serial: true, commonName: true, notAfter: true, revoked: true },
    }),
    db.certificate.count({ where: { snapshotId, secretId } }),
  ]);
  return { rows, count };
}
