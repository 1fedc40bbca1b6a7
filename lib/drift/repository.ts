import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { searchWords, toCapped, whereAll } from "@/lib/inventory/sql";
import type { DriftListParams } from "./schemas";

// The only module that reads the drift tables (written by ./write-drift.ts during the sync).

export interface DriftItemRecord {
  cluster: string; kind: string; name: string; status: string; explanation: string; differences: unknown;
  terraform_file: string | null; terraform_line: number | null; terraform_address: string | null; commit: string | null;
}

export async function findComparison(db: DbClient, snapshotId: string) {
  return db.driftComparison.findUnique({ where: { snapshotId }, select: { cluster: true, commit: true, compared: true, createdAt: true } });
}

export async function countDriftByKindAndStatus(db: DbClient, snapshotId: string): Promise<{ kind: string; status: string; n: number }[]> {
  return db.$queryRaw`SELECT kind::text AS kind, status::text AS status, count(*)::int AS n FROM drift_items WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 1, 2`;
}

const ORDER = {
  kind: { asc: Prisma.sql`kind ASC, name ASC`, desc: Prisma.sql`kind DESC, name ASC` },
  name: { asc: Prisma.sql`name ASC, kind ASC`, desc: Prisma.sql`name DESC, kind ASC` },
  status: { asc: Prisma.sql`status ASC, kind ASC, name ASC`, desc: Prisma.sql`status DESC, kind ASC, name ASC` },
  file: { asc: Prisma.sql`terraform_file ASC NULLS LAST, terraform_line ASC, name ASC`, desc: Prisma.sql`terraform_file DESC NULLS LAST, terraform_line DESC, name ASC` },
} as const;

function filters(snapshotId: string, p: DriftListParams): Prisma.Sql {
  const c = [
    Prisma.sql`snapshot_id = ${snapshotId}::uuid`,
    // Every word must appear in the name, the Terraform file or the explanation (rule paths live there).
    ...searchWords(Prisma.sql`(name || ' ' || coalesce(terraform_file, '') || ' ' || explanation)`, p.q),
  ];
  if (p.kind) c.push(Prisma.sql`kind = ${p.kind}::drift_kind`);
  if (p.status) c.push(Prisma.sql`status = ${p.status}::drift_status`);
  return whereAll(c);
}

export async function findDriftPage(db: DbClient, snapshotId: string, p: DriftListParams) {
  const where = filters(snapshotId, p);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<DriftItemRecord[]>`
      SELECT cluster, kind::text AS kind, name, status::text AS status, explanation, differences, terraform_file, terraform_line, terraform_address, commit
      FROM drift_items ${where} ORDER BY ${ORDER[p.sort][p.dir ?? "asc"]} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM drift_items ${where}`,
  ]);
  return { rows, ...toCapped(counted[0]?.n) };
}
