// No "server-only": the sync (instrumentation scheduler, tsx scripts) imports this module directly,
// and "server-only" refuses to load outside Next's react-server build. Still server code only.
import type { DbClient } from "@/lib/db/create-client";
import { insertIssuers } from "./issuer-repository";
import type { CertificateRecord, HealthRecords, LeaseRecord } from "./records";

/**
 * Rows per statement. Each chunk is ONE `INSERT ... SELECT FROM unnest(...)` with one array
 * parameter per column: createMany binds a parameter per cell (11 x 5,000 for leases) and took
 * seconds per chunk at 100,000 leases; unnest takes a fraction of that.
 */
const CHUNK = 10_000;
const SEP = "\u001f"; // joins a row's SANs: unnest cannot take ragged nested arrays

export interface WrittenHealthCounts {
  leases: number;
  certificates: number;
  issuers: number;
  /** Leases/certificates whose secret key is not in the snapshot (e.g. PKI roles the inventory does not list). */
  unresolvedSecrets: number;
}

/**
 * Writes the collectors' records into a snapshot being built (inside the sync's write
 * transaction, before activateSnapshot). `secretIdByKey` maps the snapshot's secret keys to their
 * row ids, so leases and certificates point at their secret; unknown keys become null.
 */
export async function writeHealthRecords(
  tx: DbClient,
  snapshotId: string,
  records: HealthRecords,
  secretIdByKey: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): Promise<WrittenHealthCounts> {
  let unresolved = 0;
  const resolve = (key: string | null): string | null => {
    if (!key) return null;
    const id = (secretIdByKey instanceof Map ? secretIdByKey.get(key) : (secretIdByKey as Record<string, string>)[key]) ?? null;
    if (!id) unresolved++;
    return id;
  };
  let leases = 0;
  for (let i = 0; i < records.leases.length; i += CHUNK) leases += await insertLeases(tx, snapshotId, records.leases.slice(i, i + CHUNK), resolve);
  let certificates = 0;
  for (let i = 0; i < records.certificates.length; i += CHUNK) certificates += await insertCertificates(tx, snapshotId, records.certificates.slice(i, i + CHUNK), resolve);
  const issuers = await insertIssuers(tx, snapshotId, records.issuers);
  return { leases, certificates, issuers, unresolvedSecrets: unresolved };
}

type Resolve = (key: string | null) => string | null;

function insertLeases(tx: DbClient, snapshotId: string, rows: LeaseRecord[], resolve: Resolve): Promise<number> {
  // ON CONFLICT DO NOTHING: a lease listed twice (under two prefixes) is one lease.
  return tx.$executeRaw`
    INSERT INTO leases (snapshot_id, cluster, lease_id, mount, secret_id, issue_time, expire_time, last_renewal_at, ttl_seconds, renewable)
    SELECT ${snapshotId}::uuid, * FROM unnest(
      ${rows.map((r) => r.cluster)}::text[], ${rows.map((r) => r.leaseId)}::text[], ${rows.map((r) => r.mount)}::text[],
      ${rows.map((r) => resolve(r.secretKey))}::uuid[], ${rows.map((r) => r.issueTime)}::timestamptz[], ${rows.map((r) => r.expireTime)}::timestamptz[],
      ${rows.map((r) => r.lastRenewalAt)}::timestamptz[], ${rows.map((r) => r.ttlSeconds)}::int4[], ${rows.map((r) => r.renewable)}::bool[])
    ON CONFLICT DO NOTHING`;
}

function insertCertificates(tx: DbClient, snapshotId: string, rows: CertificateRecord[], resolve: Resolve): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO certificates (snapshot_id, cluster, issuer_mount, serial, common_name, sans, not_before, not_after, revoked, revoked_at, role, key_type, key_bits, secret_id)
    SELECT ${snapshotId}::uuid, u.cluster, u.mount, u.serial, u.cn, coalesce(string_to_array(NULLIF(u.sans, ''), ${SEP}), ARRAY[]::text[]),
           u.nb, u.na, u.revoked, u.revoked_at, u.role, u.key_type, u.key_bits, u.secret_id
    FROM unnest(
      ${rows.map((r) => r.cluster)}::text[], ${rows.map((r) => r.issuerMount)}::text[], ${rows.map((r) => r.serial)}::text[], ${rows.map((r) => r.commonName)}::text[],
      ${rows.map((r) => r.sans.join(SEP))}::text[], ${rows.map((r) => r.notBefore)}::timestamptz[], ${rows.map((r) => r.notAfter)}::timestamptz[],
      ${rows.map((r) => r.revoked)}::bool[], ${rows.map((r) => r.revokedAt)}::timestamptz[], ${rows.map((r) => r.role)}::text[], ${rows.map((r) => r.keyType)}::text[],
      ${rows.map((r) => r.keyBits)}::int4[], ${rows.map((r) => resolve(r.secretKey))}::uuid[]
    ) AS u(cluster, mount, serial, cn, sans, nb, na, revoked, revoked_at, role, key_type, key_bits, secret_id)
    ON CONFLICT DO NOTHING`;
}

