// No "server-only": the sync (instrumentation scheduler, tsx scripts) imports this module directly,
// and "server-only" refuses to load outside Next's react-server build. Still server code only.
import type { DbClient } from "@/lib/db/create-client";
import type { IssuerRecord } from "./records";
import type { IssuerHealth } from "./types";

/**
 * PKI issuers and CRL freshness live in `pki_issuers` (migration 20261203210000_health). Raw SQL
 * on purpose: the table arrives in a later migration than the rest of the schema, and a database
 * without it (an older deploy mid-upgrade) shows "no issuer data" instead of failing the page.
 */
export async function hasIssuerTable(db: DbClient): Promise<boolean> {
  const rows = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('pki_issuers')::text AS t`;
  return !!rows[0]?.t;
}

export async function findIssuers(db: DbClient, snapshotId: string, now: Date): Promise<IssuerHealth[]> {
  if (!(await hasIssuerTable(db))) return [];
  const rows = await db.$queryRaw<{ cluster: string; mount: string; issuer_id: string; name: string | null; common_name: string | null; not_after: Date | null; is_default: boolean; crl_this_update: Date | null; crl_next_update: Date | null }[]>`
    SELECT cluster, mount, issuer_id, name, common_name, not_after, is_default, crl_this_update, crl_next_update
    FROM pki_issuers WHERE snapshot_id = ${snapshotId}::uuid ORDER BY cluster, mount, name NULLS LAST LIMIT 200`;
  return rows.map((r) => ({
    cluster: r.cluster, mount: r.mount, issuerId: r.issuer_id, name: r.name, commonName: r.common_name,
    notAfter: r.not_after?.toISOString() ?? null, isDefault: r.is_default,
    crlThisUpdate: r.crl_this_update?.toISOString() ?? null, crlNextUpdate: r.crl_next_update?.toISOString() ?? null,
    crlState: !r.crl_next_update ? "unknown" : r.crl_next_update.getTime() < now.getTime() ? "stale" : "fresh",
  }));
}

export async function insertIssuers(db: DbClient, snapshotId: string, issuers: readonly IssuerRecord[]): Promise<number> {
  if (issuers.length === 0 || !(await hasIssuerTable(db))) return 0;
  let n = 0;
  for (const i of issuers) {
    n += await db.$executeRaw`INSERT INTO pki_issuers (snapshot_id, cluster, mount, issuer_id, name, common_name, not_after, is_default, crl_this_update, crl_next_update)
      VALUES (${snapshotId}::uuid, ${i.cluster}, ${i.mount}, ${i.issuerId}, ${i.name}, ${i.commonName}, ${i.notAfter ? new Date(i.notAfter) : null},
              ${i.isDefault}, ${i.crlThisUpdate ? new Date(i.crlThisUpdate) : null}, ${i.crlNextUpdate ? new Date(i.crlNextUpdate) : null})`;
  }
  return n;
}
