import "server-only";
import type { DbClient, Prisma, PrismaClient } from "@/lib/db/create-client";
import { toStoredJson } from "./canonical-json";
import { computeAuditHash, GENESIS_HASH } from "./hash";
import { findLastAuditHash, insertAuditRow, listAuditRowsAfter, lockAuditChain, nextAuditId, type PortalAuditRow } from "./repository";
import { portalAuditInputSchema, type PortalAuditInput, type PortalAuditVerification } from "./schemas";

function isTransaction(db: DbClient): db is Prisma.TransactionClient {
  return !("$transaction" in db);
}

/**
 * Appends one record to the portal audit trail. Pass the transaction of the audited change so the
 * record commits (or rolls back) with it; given the plain client it opens its own transaction.
 * Appends are serialised by a transaction-scoped advisory lock, so concurrent writers (any number
 * of portal instances) always extend the chain from its true last row. Use READ COMMITTED (the
 * default) for a caller's transaction: under REPEATABLE READ the last row may be read from a stale
 * snapshot, and the unique prev_hash then rejects the append (and the caller's transaction)
 * rather than forking the chain.
 */
export async function appendPortalAudit(db: DbClient, input: PortalAuditInput): Promise<PortalAuditRow> {
  const entry = portalAuditInputSchema.parse(input);
  const write = async (tx: Prisma.TransactionClient) => {
    await lockAuditChain(tx);
    const prevHash = (await findLastAuditHash(tx)) ?? GENESIS_HASH;
    const id = await nextAuditId(tx);
    const fields = {
      id,
      time: new Date(),
      actorEmail: entry.actorEmail,
      actorRoles: entry.actorRoles,
      action: entry.action,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
      // Hash what will read back from jsonb, or verification would disagree with the writer.
      details: toStoredJson(entry.details),
    };
    const hash = computeAuditHash(prevHash, fields);
    return insertAuditRow(tx, { ...fields, details: fields.details as Prisma.InputJsonValue, prevHash, hash });
  };
  if (isTransaction(db)) return write(db);
  return (db as PrismaClient).$transaction(write, { maxWait: 10_000, timeout: 10_000 });
}

const BATCH_SIZE = 1000;

/**
 * Walks the whole chain in id order and recomputes every hash. Names the first row whose content
 * was edited or whose predecessor was removed or reordered. (Removing rows at the very end leaves
 * a valid shorter chain: compare `lastHash` with a copy kept elsewhere to detect that.)
 */
export async function verifyPortalAuditChain(db: DbClient): Promise<PortalAuditVerification> {
  let expectedPrev = GENESIS_HASH;
  let afterId: bigint | null = null;
  let rows = 0;
  for (;;) {
    const batch = await listAuditRowsAfter(db, afterId, BATCH_SIZE);
    for (const row of batch) {
      if (row.prevHash !== expectedPrev) {
        return { ok: false, firstBrokenId: row.id.toString(), reason: "prev_hash does not match the previous row's hash (a row was removed, inserted or reordered)", rows };
      }
      if (computeAuditHash(row.prevHash, row) !== row.hash) {
        return { ok: false, firstBrokenId: row.id.toString(), reason: "row content does not match its hash (the row was edited)", rows };
      }
      expectedPrev = row.hash;
      rows++;
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) return { ok: true, rows, lastHash: expectedPrev };
    afterId = last.id;
  }
}
