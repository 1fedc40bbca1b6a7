import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateSnapshot, createSnapshot } from "@/lib/db/snapshots";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { getSyncStatus } from "./status";
import { tryAcquireSyncLock } from "./sync-lock";

describe("getSyncStatus", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("is stale with no snapshot, shows progress only while the lock is held, and is fresh after a good sync", async () => {
    const db = database.prisma;
    expect(await getSyncStatus(db)).toMatchObject({ activeSnapshotAt: null, lastRun: null, running: false, stale: true, staleSince: null, lastFailure: null });

    const failed = await db.syncRun.create({ data: { status: "failed", finishedAt: new Date(), error: "Vault at x is unavailable" } });
    expect(await getSyncStatus(db)).toMatchObject({ stale: true, staleSince: failed.finishedAt?.toISOString(), lastFailure: { error: "Vault at x is unavailable" } });

    // A "running" row is only "running" while some session holds the sync lock.
    const run = await db.syncRun.create({ data: { status: "running", counts: { progress: { phase: "vault", done: 10, total: 0 } } } });
    expect((await getSyncStatus(db)).running).toBe(false);
    const lock = await tryAcquireSyncLock(database.url);
    try {
      expect(await getSyncStatus(db)).toMatchObject({ running: true, progress: { phase: "vault", done: 10 }, lastRun: { id: run.id, status: "running" } });
    } finally {
      await lock?.release();
    }

    const snapshotId = await createSnapshot(db, run.id);
    await activateSnapshot(db, snapshotId);
    await db.syncRun.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt: new Date() } });
    const status = await getSyncStatus(db);
    expect(status).toMatchObject({ stale: false, staleSince: null, lastFailure: null, lastRun: { status: "succeeded" } });
    expect(status.activeSnapshotAt).not.toBeNull();
  });
});
