import type { DbClient, PrismaClient } from "./create-client";

/** The one pointer scope readers follow today; more scopes could version other planes separately. */
export const INVENTORY_SCOPE = "inventory";

/**
 * The snapshot readers should query, or null before the first successful sync. Readers should
 * resolve it once per request (or join active_snapshots in the same statement) and use that id
 * for every query of the request, so one page never mixes two snapshots.
 */
export async function getActiveSnapshotId(db: DbClient, scope = INVENTORY_SCOPE): Promise<string | null> {
  const pointer = await db.activeSnapshot.findUnique({ where: { scope }, select: { snapshotId: true } });
  return pointer?.snapshotId ?? null;
}

/** Starts a snapshot for a sync to fill; nothing reads it until activateSnapshot. */
export async function createSnapshot(db: DbClient, syncRunId?: string): Promise<string> {
  const snapshot = await db.snapshot.create({ data: {}, select: { id: true } });
  if (syncRunId) await db.syncRun.update({ where: { id: syncRunId }, data: { snapshotId: snapshot.id } });
  return snapshot.id;
}

/**
 * The commit point of a sync: marks the snapshot ready and repoints readers to it in one
 * transaction. The pointer row is locked, so two syncs finishing together switch one after the
 * other. Returns the id of the snapshot that was active before (for pruning).
 */
export async function activateSnapshot(db: PrismaClient, snapshotId: string, scope = INVENTORY_SCOPE): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM active_snapshots WHERE scope = ${scope} FOR UPDATE`;
    const previous = await getActiveSnapshotId(tx, scope);
    await tx.snapshot.update({ where: { id: snapshotId }, data: { status: "ready", completedAt: new Date() } });
    await tx.activeSnapshot.upsert({
      where: { scope },
      create: { scope, snapshotId },
      update: { snapshotId, switchedAt: new Date() },
    });
    return previous;
  });
}

/** A failed sync throws its half-built snapshot away; the last good one stays active. */
export async function discardSnapshot(db: DbClient, snapshotId: string): Promise<void> {
  await db.snapshot.deleteMany({ where: { id: snapshotId, activeFor: { none: {} } } });
}

/**
 * Deletes finished snapshots no pointer refers to (their inventory rows cascade). Snapshots still
 * being built by a concurrent sync are left alone. Run after activateSnapshot, outside its
 * transaction: the cascade over a whole inventory is long and must not hold the pointer lock.
 */
export async function pruneSnapshots(db: DbClient): Promise<number> {
  const { count } = await db.snapshot.deleteMany({ where: { status: { not: "building" }, activeFor: { none: {} } } });
  return count;
}
