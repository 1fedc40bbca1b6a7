import "server-only";
import type { DbClient, Prisma } from "@/lib/db/create-client";

// Any constant works; it only has to be the same for every writer of the chain.
const CHAIN_LOCK_KEY = 7_237_001;

export type PortalAuditRow = Prisma.PortalAuditLogGetPayload<object>;

/** Serialises chain appends until the surrounding transaction ends (commit or rollback). */
export async function lockAuditChain(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}::bigint)`;
}

export async function findLastAuditHash(tx: Prisma.TransactionClient): Promise<string | null> {
  const last = await tx.portalAuditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  return last?.hash ?? null;
}

/** Takes the next id up front: the id is part of the hashed content. */
export async function nextAuditId(tx: Prisma.TransactionClient): Promise<bigint> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('portal_audit_log', 'id')) AS id`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not allocate a portal_audit_log id");
  return BigInt(id);
}

export async function insertAuditRow(
  tx: Prisma.TransactionClient,
  row: Prisma.PortalAuditLogUncheckedCreateInput,
): Promise<PortalAuditRow> {
  return tx.portalAuditLog.create({ data: row });
}

/** Rows in chain order, `limit` at a time after `afterId`. */
export async function listAuditRowsAfter(db: DbClient, afterId: bigint | null, limit: number): Promise<PortalAuditRow[]> {
  return db.portalAuditLog.findMany({
    where: afterId === null ? {} : { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: limit,
  });
}
