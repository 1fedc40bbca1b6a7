/**
 * Builds the KeyResolver from the ACTIVE inventory snapshot (one statement per table, plain SQL
 * over the ingestion's own connection). Null before the first successful sync: ingestion then
 * waits, since events stored without keys would never count as evidence.
 */
import type pg from "pg";
import { KeyResolver } from "./resolve-keys";

export interface ActiveResolver {
  snapshotId: string;
  resolver: KeyResolver;
}

export async function findActiveSnapshotId(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(`SELECT snapshot_id::text AS id FROM active_snapshots WHERE scope = 'inventory'`);
  return rows[0]?.id ?? null;
}

/** `cluster`: the Vault cluster the audit device belongs to; default: the snapshot's only cluster. */
export async function loadKeyResolver(client: pg.ClientBase, options: { cluster?: string } = {}): Promise<ActiveResolver | null> {
  const snapshotId = await findActiveSnapshotId(client);
  if (!snapshotId) return null;
  const cluster = options.cluster ?? (await onlyCluster(client, snapshotId));
  // One connection: the three statements run one after the other anyway.
  const secrets = await client.query<{ key: string; dataPath: string }>(`SELECT key, data_path AS "dataPath" FROM secrets WHERE snapshot_id = $1::uuid AND cluster = $2`, [snapshotId, cluster]);
  const identities = await client.query<{ key: string; authMount: string; kind: string; roleName: string; policies: string[] }>(
      `SELECT key, auth_mount AS "authMount", kind::text AS kind, role_name AS "roleName", policies FROM identities WHERE snapshot_id = $1::uuid AND cluster = $2`,
      [snapshotId, cluster],
  );
  const groupReadGrants = await client.query<{ identityKey: string; secretKey: string }>(
      `SELECT i.key AS "identityKey", s.key AS "secretKey" FROM grants g
       JOIN identities i ON i.id = g.identity_id JOIN secrets s ON s.id = g.secret_id
       WHERE g.snapshot_id = $1::uuid AND i.kind = 'group' AND 'read' = ANY(g.capabilities) AND i.cluster = $2`,
      [snapshotId, cluster],
  );
  return { snapshotId, resolver: new KeyResolver({ cluster, secrets: secrets.rows, identities: identities.rows, groupReadGrants: groupReadGrants.rows }) };
}

async function onlyCluster(client: pg.ClientBase, snapshotId: string): Promise<string> {
  const { rows } = await client.query<{ cluster: string }>(
    `SELECT DISTINCT cluster FROM (SELECT cluster FROM secrets WHERE snapshot_id = $1::uuid UNION SELECT cluster FROM identities WHERE snapshot_id = $1::uuid) c ORDER BY cluster`,
    [snapshotId],
  );
  if (rows.length === 1) return rows[0]!.cluster;
  throw new Error(`The inventory holds ${rows.length} Vault clusters (${rows.map((r) => r.cluster).join(", ")}); set AUDIT_CLUSTER to the one whose audit device Radius reads.`);
}
