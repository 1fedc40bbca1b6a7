// No "server-only": the sync (instrumentation scheduler, tsx scripts) imports this module directly,
// and "server-only" refuses to load outside Next's react-server build. Still server code only.
import type { DbClient } from "@/lib/db/create-client";
import type { DriftResult } from "./types";

/** Rows per statement: one `INSERT ... SELECT FROM unnest(...)`, one array parameter per column. */
const CHUNK = 5_000;

/**
 * Writes one sync's comparison into the snapshot being built (before activateSnapshot, like the
 * health records). Called only when Terraform was read: the comparison row is what makes "no drift
 * items" mean "no drift" rather than "not compared". Returns the number of drifted resources.
 */
export async function writeDriftRecords(db: DbClient, snapshotId: string, result: DriftResult): Promise<number> {
  await db.$executeRaw`INSERT INTO drift_comparisons (snapshot_id, cluster, commit, compared)
    VALUES (${snapshotId}::uuid, ${result.cluster}, ${result.commit}, ${JSON.stringify(result.compared)}::jsonb)`;
  let written = 0;
  for (let i = 0; i < result.items.length; i += CHUNK) {
    const rows = result.items.slice(i, i + CHUNK);
    written += await db.$executeRaw`
      INSERT INTO drift_items (snapshot_id, cluster, kind, name, status, explanation, differences, terraform_file, terraform_line, terraform_address, commit)
      SELECT ${snapshotId}::uuid, u.cluster, u.kind::drift_kind, u.name, u.status::drift_status, u.explanation, u.differences, u.file, u.line, u.address, u.commit
      FROM unnest(
        ${rows.map((r) => r.cluster)}::text[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.status)}::text[],
        ${rows.map((r) => r.explanation)}::text[], ${rows.map((r) => JSON.stringify(r.differences))}::jsonb[],
        ${rows.map((r) => r.terraform?.file ?? null)}::text[], ${rows.map((r) => r.terraform?.line ?? null)}::int4[],
        ${rows.map((r) => r.terraform?.address ?? null)}::text[], ${rows.map((r) => r.commit)}::text[]
      ) AS u(cluster, kind, name, status, explanation, differences, file, line, address, commit)`;
  }
  return written;
}
